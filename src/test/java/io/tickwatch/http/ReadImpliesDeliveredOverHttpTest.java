package io.tickwatch.http;

import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickwatch.testing.RunningTickwatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * FORMATS.md §3.5: read implies delivered (the earliest of all delivered and read observations), marked
 * inferred while no real delivered supports it; sent is never invented.
 */
class ReadImpliesDeliveredOverHttpTest {

    @RegisterExtension
    static final RunningTickwatch tw = RunningTickwatch.perClass();

    @Test
    void aReadAloneMarksDeliveredInferredAndInventsNoSent() {
        tw.postWebhook(onPremises(status("infer.1", "read", "1702207860", "919876543210")));
        JsonNode m = tw.message("infer.1").json();
        assertThat(m.get("delivered").asText()).isEqualTo("2023-12-10T11:31:00Z");
        assertThat(m.get("deliveredInferred").asBoolean()).isTrue();
        assertThat(m.get("sent").isNull()).as("sent is never invented").isTrue();
        assertThat(m.get("currentStatus").asText()).isEqualTo("read");
        assertThat(m.get("events")).extracting(e -> e.get("status").asText())
                .as("the inference is not an observation").containsExactly("read");
    }

    @Test
    void aLaterRealDeliveredClearsTheInferredMarkAndItsEarlierTimeWins() {
        tw.postWebhook(onPremises(status("infer.2", "read", "1702207860", null)));
        tw.postWebhook(onPremises(status("infer.2", "delivered", "1702207805", null)));
        JsonNode m = tw.message("infer.2").json();
        assertThat(m.get("delivered").asText()).isEqualTo("2023-12-10T11:30:05Z");
        assertThat(m.get("deliveredInferred").asBoolean()).isFalse();
        assertThat(m.get("read").asText()).isEqualTo("2023-12-10T11:31:00Z");
    }

    @Test
    void aRealDeliveredAfterTheReadClearsTheMarkButTheEarliestTimeStays() {
        tw.postWebhook(onPremises(status("infer.3", "read", "1702207860", null)));
        tw.postWebhook(onPremises(status("infer.3", "delivered", "1702207900", null)));
        JsonNode m = tw.message("infer.3").json();
        assertThat(m.get("delivered").asText()).isEqualTo("2023-12-10T11:31:00Z");
        assertThat(m.get("deliveredInferred").asBoolean()).isFalse();
    }

    @Test
    void aRealDeliveredStaysRealWhenAReadArrivesLater() {
        tw.postWebhook(onPremises(status("infer.4", "delivered", "1702207805", null)));
        tw.postWebhook(onPremises(status("infer.4", "read", "1702207860", null)));
        JsonNode m = tw.message("infer.4").json();
        assertThat(m.get("delivered").asText()).isEqualTo("2023-12-10T11:30:05Z");
        assertThat(m.get("deliveredInferred").asBoolean()).isFalse();
        assertThat(m.get("sent").isNull()).isTrue();
    }

    @Test
    void anEarlierReadMovesAnInferredDeliveredEarlier() {
        tw.postWebhook(onPremises(status("infer.5", "read", "1702207900", null)));
        tw.postWebhook(onPremises(status("infer.5", "read", "1702207860", null)));
        JsonNode m = tw.message("infer.5").json();
        assertThat(m.get("delivered").asText()).isEqualTo("2023-12-10T11:31:00Z");
        assertThat(m.get("deliveredInferred").asBoolean()).isTrue();
    }
}
