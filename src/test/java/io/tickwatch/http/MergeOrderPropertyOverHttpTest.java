package io.tickwatch.http;

import static io.tickwatch.testing.Webhooks.onPremises;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickwatch.testing.RunningTickwatch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * DESIGN.md §4 over the real store: the same observations sent in any order, any duplication and any
 * split into requests (folded in Java within a request, merged by the SQL upsert across requests) end
 * in the same message. Each try sends one set of observations three ways, to three message ids.
 */
class MergeOrderPropertyOverHttpTest {

    static final AtomicInteger TRIES = new AtomicInteger();
    /** One application for all tries; jqwik has no JUnit extensions or @TempDir, so its hooks start it. */
    static final RunningTickwatch tw = RunningTickwatch.perClass();

    @BeforeContainer
    static void start() throws IOException {
        tw.startInFreshFolder();
    }

    @AfterContainer
    static void stop() throws IOException {
        tw.stopAndDeleteFolder();
    }

    /** One observation as a status item, with a placeholder for the message id. */
    record Item(String json) {
        String forId(String id) {
            return json.replace("@ID@", id);
        }
    }

    /** A way to send the items: their order and where one request ends and the next begins. */
    record Delivery(List<Item> items, List<Boolean> splitAfter) {
        List<String> bodies(String id) {
            List<String> bodies = new ArrayList<>();
            List<String> current = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                current.add(items.get(i).forId(id));
                if (splitAfter.get(i) || i == items.size() - 1) {
                    bodies.add(onPremises(current.toArray(String[]::new)));
                    current = new ArrayList<>();
                }
            }
            return bodies;
        }
    }

    record Scenario(List<Item> original, Delivery first, Delivery second) {
    }

    @Property(tries = 40)
    void anyOrderDuplicationAndSplitIntoRequestsEndsInTheSameMessage(@ForAll("scenarios") Scenario s) {
        String base = "prop." + TRIES.incrementAndGet();
        send(base + ".once", List.of(onPremises(s.original().stream().map(i -> i.forId(base + ".once")).toArray(String[]::new))));
        send(base + ".first", s.first().bodies(base + ".first"));
        send(base + ".second", s.second().bodies(base + ".second"));

        ObjectNode once = comparable(tw.message(base + ".once").json());
        assertThat(comparable(tw.message(base + ".first").json())).isEqualTo(once);
        assertThat(comparable(tw.message(base + ".second").json())).isEqualTo(once);
    }

    static void send(String id, List<String> bodies) {
        for (String body : bodies) {
            RunningTickwatch.Reply reply = tw.postWebhook(body);
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        }
    }

    /** The message without its id, receipt times and repeat counts (which depend on how it was sent). */
    static ObjectNode comparable(JsonNode message) {
        ObjectNode copy = message.deepCopy();
        copy.remove(List.of("id", "firstReceived", "lastReceived"));
        for (JsonNode e : copy.get("events")) {
            ((ObjectNode) e).remove(List.of("receivedAt", "seen"));
        }
        return copy;
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        return item().list().ofMinSize(1).ofMaxSize(8).flatMap(original -> {
            Arbitrary<Delivery> delivery = duplicatedAndShuffled(original).flatMap(items ->
                    Arbitraries.of(true, false).list().ofSize(items.size()).map(splits -> new Delivery(items, splits)));
            return Combinators.combine(delivery, delivery).as((a, b) -> new Scenario(original, a, b));
        });
    }

    static Arbitrary<List<Item>> duplicatedAndShuffled(List<Item> original) {
        return Arbitraries.integers().between(0, original.size() - 1).list().ofMaxSize(4).flatMap(copies -> {
            List<Item> all = new ArrayList<>(original);
            copies.forEach(i -> all.add(original.get(i)));
            return Arbitraries.shuffle(all);
        });
    }

    static Arbitrary<Item> item() {
        Arbitrary<String> statuses = Arbitraries.of("sent", "delivered", "read", "failed", "played", "SENT", " Read ");
        Arbitrary<Integer> seconds = Arbitraries.integers().between(0, 3);
        Arbitrary<String> phones = Arbitraries.of("", ",\"recipient_id\":\"919876543210\"", ",\"recipient_id\":\"447700900123\"");
        Arbitrary<String> errors = Arbitraries.of("", ",\"errors\":[{\"code\":131026,\"title\":\"Message undeliverable\"}]",
                ",\"errors\":[{\"code\":131047,\"title\":\"Re-engagement message\"}]",
                ",\"errors\":[{\"code\":131026,\"title\":\"Another title\"}]", ",\"errors\":[{\"title\":\"No code\"}]",
                ",\"errors\":[{\"code\":131000}]");
        return Combinators.combine(statuses, seconds, phones, errors).as((status, sec, phone, error) -> new Item(
                "{\"id\":\"@ID@\",\"status\":\"" + status + "\",\"timestamp\":\"" + (1702207800 + sec) + "\"" + phone
                        + (status.trim().equalsIgnoreCase("failed") ? error : "") + "}"));
    }
}
