package io.tickwatch.receiver;

import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.testing.RunningTickwatch;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guide's walk-through, over real HTTP against a real H2 file: sent → delivered → read of one message. */
class WebhookRoundTripTest {

    @TempDir
    Path dir;
    RunningTickwatch tw;

    @BeforeEach
    void start() {
        tw = RunningTickwatch.start(dir);
    }

    @AfterEach
    void stop() {
        tw.close();
    }

    @Test
    void sentDeliveredReadOfOneMessageEndsRead() {
        assertThat(tw.postWebhook(onPremises(status("wamid.A", "sent", "1702207800", "919876543210"))).status())
                .isEqualTo(200);
        assertThat(tw.postWebhook(onPremises(status("wamid.A", "delivered", "1702207805", "919876543210")))
                .json().get("processed").asInt()).isEqualTo(1);
        RunningTickwatch.Reply read = tw.postWebhook(onPremises(status("wamid.A", "read", "1702207860", "919876543210")));
        assertThat(read.json().get("status").asText()).isEqualTo("success");

        var message = tw.get("/api/messages/wamid.A").json();
        assertThat(message.get("phone").asText()).isEqualTo("+919876543210");
        assertThat(message.get("sent").asText()).isEqualTo("2023-12-10T11:30:00Z");
        assertThat(message.get("delivered").asText()).isEqualTo("2023-12-10T11:30:05Z");
        assertThat(message.get("deliveredInferred").asBoolean()).isFalse();
        assertThat(message.get("read").asText()).isEqualTo("2023-12-10T11:31:00Z");
        assertThat(message.get("currentStatus").asText()).isEqualTo("read");
        assertThat(message.get("events")).hasSize(3);
        assertThat(tw.queryLong("SELECT COUNT(*) FROM status_events")).isEqualTo(3);
    }
}
