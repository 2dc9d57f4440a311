package io.tickwatch.http;

import static io.tickwatch.testing.Webhooks.cloudApi;
import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickwatch.testing.RunningTickwatch;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * FORMATS.md §3.4: for each funnel status the earliest time ever observed is kept, every distinct
 * observation stays in the history, arrival order and duplicates cannot change the result.
 */
class EarliestTimeOverHttpTest {

    @RegisterExtension
    static final RunningTickwatch tw = RunningTickwatch.perClass();

    @Test
    void theEarliestTimeOfEachStatusIsKeptWhateverArrivesLater() {
        tw.postWebhook(onPremises(status("early.1", "read", "1702207900", null)));
        tw.postWebhook(onPremises(status("early.1", "read", "1702207860", null)));
        tw.postWebhook(onPremises(status("early.1", "read", "1702207999", null)));
        JsonNode m = tw.message("early.1").json();
        assertThat(m.get("read").asText()).isEqualTo("2023-12-10T11:31:00Z");
        assertThat(m.get("events")).extracting(e -> e.get("at").asText())
                .as("every distinct observation stays, oldest first")
                .containsExactly("2023-12-10T11:31:00Z", "2023-12-10T11:31:40Z", "2023-12-10T11:33:19Z");
    }

    @Test
    void statusesNeverGoBackwards() {
        tw.postWebhook(onPremises(status("back.1", "read", "1702207860", null)));
        tw.postWebhook(onPremises(status("back.1", "delivered", "1702207805", null)));
        tw.postWebhook(onPremises(status("back.1", "sent", "1702207800", null)));
        assertThat(tw.message("back.1").json().get("currentStatus").asText()).isEqualTo("read");
    }

    @Test
    void duplicatesRaiseSeenAndChangeNothingElse() {
        String sent = status("dup.1", "sent", "1702207800", "919876543210");
        tw.postWebhook(onPremises(sent, sent));
        JsonNode once = tw.message("dup.1").json();
        tw.postWebhook(cloudApi(sent));
        tw.postWebhook(onPremises(sent));
        JsonNode thrice = tw.message("dup.1").json();

        assertThat(thrice.get("events")).hasSize(1);
        assertThat(once.get("events").get(0).get("seen").asInt()).as("a repeat inside one request").isEqualTo(2);
        assertThat(thrice.get("events").get(0).get("seen").asInt()).isEqualTo(4);
        assertThat(thrice.get("events").get(0).get("receivedAt")).as("the first receipt stays")
                .isEqualTo(once.get("events").get(0).get("receivedAt"));
        ObjectNode expected = withoutReceipts(once).put("seenTotal", 4);
        assertThat(withoutReceipts(thrice)).as("apart from the count, repeats change nothing").isEqualTo(expected);
        assertThat(tw.queryLong("SELECT COUNT(*) FROM status_events WHERE message_id = 'dup.1'")).isEqualTo(1);
    }

    @Test
    void anyArrivalOrderGivesTheSameMessage() {
        List<String[]> observations = List.of(
                new String[] {"sent", "1702207800", "919876543210"}, new String[] {"sent", "1702207801", "447700900123"},
                new String[] {"delivered", "1702207805", null}, new String[] {"read", "1702207860", null},
                new String[] {"read", "1702207870", null}, new String[] {"played", "1702207880", null},
                new String[] {"failed", "1702207803", null});
        Random random = new Random(20231210);
        List<JsonNode> results = new ArrayList<>();
        for (int round = 0; round < 4; round++) {
            String id = "order." + round;
            List<String[]> shuffled = new ArrayList<>(observations);
            Collections.shuffle(shuffled, random);
            shuffled.add(shuffled.get(random.nextInt(shuffled.size())));
            for (String[] o : shuffled) {
                assertThat(tw.postWebhook(onPremises(status(id, o[0], o[1], o[2]))).status()).isEqualTo(200);
            }
            results.add(withoutReceipts(tw.message(id).json()));
        }
        JsonNode first = results.get(0);
        assertThat(first.get("phone").asText()).as("the phone of the earliest observation").isEqualTo("+919876543210");
        assertThat(first.get("read").asText()).isEqualTo("2023-12-10T11:31:00Z");
        assertThat(first.get("events")).hasSize(observations.size());
        assertThat(results).allSatisfy(r -> assertThat(r).isEqualTo(first));
    }

    /** The message without server receipt times and ids, and with the repeat counts summed (they vary with duplicates). */
    static ObjectNode withoutReceipts(JsonNode message) {
        ObjectNode copy = message.deepCopy();
        copy.remove(List.of("id", "firstReceived", "lastReceived"));
        int seen = 0;
        for (JsonNode e : copy.get("events")) {
            seen += e.get("seen").asInt();
            ((ObjectNode) e).remove(List.of("receivedAt", "seen"));
        }
        copy.put("seenTotal", seen);
        return copy;
    }
}
