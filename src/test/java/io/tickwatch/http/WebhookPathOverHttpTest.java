package io.tickwatch.http;

import static io.tickwatch.testing.Refusals.assertRefusedLeavingStoreUnchanged;
import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.testing.RunningTickwatch;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The webhook-path setting moves the receiver: webhooks go there, /webhook is then unknown. */
class WebhookPathOverHttpTest {

    @RegisterExtension
    static final RunningTickwatch tw = RunningTickwatch.perClass(Map.of("TICKWATCH_WEBHOOK_PATH", "/hooks/whatsapp"));

    @Test
    void webhooksArePostedToTheConfiguredPath() {
        RunningTickwatch.Reply reply = tw.request("POST", "/hooks/whatsapp",
                onPremises(status("moved.1", "sent", "1702207800", null)), "Content-Type", "application/json");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(tw.message("moved.1").status()).isEqualTo(200);
        assertThat(tw.app().webhookUrl()).endsWith(":" + tw.app().port() + "/hooks/whatsapp");
    }

    @Test
    void theDefaultPathIsThenUnknown() {
        RunningTickwatch.Reply reply = assertRefusedLeavingStoreUnchanged(tw, () -> tw.request("POST", "/webhook",
                onPremises(status("moved.2", "sent", "1702207800", null))), 404, "not_found");
        assertThat(reply.body()).contains("/hooks/whatsapp");
    }
}
