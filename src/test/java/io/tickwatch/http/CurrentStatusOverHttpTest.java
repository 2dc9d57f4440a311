package io.tickwatch.http;

import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.testing.RunningTickwatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** FORMATS.md §3.8: current status, most advanced first: read > delivered > failed > sent (whatever the times). */
class CurrentStatusOverHttpTest {

    @RegisterExtension
    static final RunningTickwatch tw = RunningTickwatch.perClass();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "sent, sent",
            "failed, failed",
            "sent failed, failed",
            "failed sent, failed",
            "delivered failed, delivered",
            "failed delivered, delivered",
            "delivered, delivered",
            "read, read",
            "read delivered sent, read",
            "read failed, read",
            "failed read, read",
            "sent deleted, sent",
            "played, ''"})
    void theMostAdvancedStatusIsCurrent(String observed, String expected) {
        String id = "current." + observed.replace(' ', '-');
        List<String> items = new ArrayList<>();
        long t = 1702207800;
        for (String s : observed.split(" ")) {
            items.add(status(id, s, Long.toString(t++), null));
        }
        // one observation per request, so that each step goes through the store's merge
        for (String item : items) {
            assertThat(tw.postWebhook(onPremises(item)).status()).isEqualTo(200);
        }
        var current = tw.message(id).json().get("currentStatus");
        if (expected.isEmpty()) {
            assertThat(current.isNull()).isTrue();
        } else {
            assertThat(current.asText()).isEqualTo(expected);
        }
    }
}
