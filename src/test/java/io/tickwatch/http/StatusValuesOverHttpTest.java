package io.tickwatch.http;

import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickwatch.testing.RunningTickwatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * FORMATS.md §3.2: status values are trimmed and compared case-insensitively; sent, delivered, read and
 * failed move the funnel, any other value is kept in the history and changes nothing else.
 */
class StatusValuesOverHttpTest {

    @RegisterExtension
    static final RunningTickwatch tw = RunningTickwatch.perClass();

    @Test
    void statusesInAnyCaseAndWithSpacesMoveTheFunnel() {
        RunningTickwatch.Reply reply = tw.postWebhook(onPremises(status("case.1", "SENT", "1702207800", "919876543210"),
                status("case.1", " Delivered ", "1702207805", "919876543210"), status("case.1", "rEaD\t", "1702207860", null)));
        assertThat(reply.json().get("status").asText()).isEqualTo("success");
        assertThat(reply.json().get("processed").asInt()).isEqualTo(3);

        JsonNode m = tw.message("case.1").json();
        assertThat(m.get("sent").asText()).isEqualTo("2023-12-10T11:30:00Z");
        assertThat(m.get("delivered").asText()).isEqualTo("2023-12-10T11:30:05Z");
        assertThat(m.get("deliveredInferred").asBoolean()).isFalse();
        assertThat(m.get("read").asText()).isEqualTo("2023-12-10T11:31:00Z");
        assertThat(m.get("currentStatus").asText()).isEqualTo("read");
        assertThat(m.get("events")).extracting(e -> e.get("status").asText()).containsExactly("sent", "delivered", "read");
    }

    @Test
    void theSameStatusInAnotherCaseIsTheSameObservation() {
        tw.postWebhook(onPremises(status("case.2", "delivered", "1702207805", null)));
        tw.postWebhook(onPremises(status("case.2", "DELIVERED", "1702207805", null)));
        JsonNode events = tw.message("case.2").json().get("events");
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("seen").asInt()).isEqualTo(2);
    }

    @Test
    void otherStatusesAreKeptInTheHistoryOnly() {
        RunningTickwatch.Reply reply = tw.postWebhook(onPremises(status("other.1", "sent", "1702207800", "919876543210"),
                status("other.1", "Played", "1702207900", null), status("other.1", "deleted", "1702207950", null),
                status("other.1", "WARNING", "1702207960", null), status("other.1", "enqueued", "1702207799", null)));
        assertThat(reply.json().get("processed").asInt()).isEqualTo(5);
        assertThat(reply.json().get("rejected")).isEmpty();

        JsonNode m = tw.message("other.1").json();
        assertThat(m.get("currentStatus").asText()).isEqualTo("sent");
        assertThat(m.get("sent").asText()).isEqualTo("2023-12-10T11:30:00Z");
        assertThat(m.get("delivered").isNull()).isTrue();
        assertThat(m.get("read").isNull()).isTrue();
        assertThat(m.get("failed").isNull()).isTrue();
        assertThat(m.get("events")).extracting(e -> e.get("status").asText())
                .containsExactly("enqueued", "sent", "played", "deleted", "warning");
    }

    @Test
    void aMessageWithOnlyOtherStatusesIsStoredWithoutACurrentStatus() {
        tw.postWebhook(onPremises(status("other.2", "deleted", "1702207800", "919876543210")));
        JsonNode m = tw.message("other.2").json();
        assertThat(m.get("currentStatus").isNull()).isTrue();
        assertThat(m.get("phone").asText()).isEqualTo("+919876543210");
        assertThat(m.get("events")).hasSize(1);
    }
}
