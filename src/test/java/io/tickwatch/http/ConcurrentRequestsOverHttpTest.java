package io.tickwatch.http;

import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickwatch.testing.RunningTickwatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN.md §4 under concurrency: many requests in flight at once are grouped into shared commits;
 * every 200 is in the store, repeats of one observation add up in {@code seen}, and the merged message
 * is the same as if the observations had come one by one.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ConcurrentRequestsOverHttpTest {

    static final String[][] OBSERVATIONS = {
            {"sent", "1702207800", "919876543210"}, {"delivered", "1702207805", null}, {"read", "1702207860", null},
            {"read", "1702207900", "447700900123"}, {"failed", "1702207803", null}, {"played", "1702207950", null}};

    @TempDir
    Path dir;

    @Test
    void concurrentRequestsAreAllStoredAndMergeAsIfSequential() throws Exception {
        try (RunningTickwatch tw = RunningTickwatch.start(dir)) {
            Random random = new Random(42);
            int requests = 240;
            List<CompletableFuture<RunningTickwatch.Reply>> replies = new ArrayList<>();
            int[] timesSent = new int[OBSERVATIONS.length];
            for (int i = 0; i < requests; i++) {
                int o = i < OBSERVATIONS.length ? i : random.nextInt(OBSERVATIONS.length);
                timesSent[o]++;
                String[] obs = OBSERVATIONS[o];
                replies.add(tw.postWebhookAsync(onPremises(status("shared", obs[0], obs[1], obs[2]),
                        status("own." + i, "delivered", "1702207805", "919876543210"))));
            }
            for (CompletableFuture<RunningTickwatch.Reply> reply : replies) {
                RunningTickwatch.Reply r = reply.get(30, TimeUnit.SECONDS);
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                assertThat(r.json().get("processed").asInt()).isEqualTo(2);
            }

            assertThat(tw.queryLong("SELECT COUNT(*) FROM messages WHERE id LIKE 'own.%'")).isEqualTo(requests);
            assertThat(tw.queryLong("SELECT COUNT(*) FROM webhook_requests")).isEqualTo(requests);

            JsonNode shared = tw.message("shared").json();
            assertThat(shared.get("phone").asText()).isEqualTo("+919876543210");
            assertThat(shared.get("sent").asText()).isEqualTo("2023-12-10T11:30:00Z");
            assertThat(shared.get("delivered").asText()).isEqualTo("2023-12-10T11:30:05Z");
            assertThat(shared.get("deliveredInferred").asBoolean()).isFalse();
            assertThat(shared.get("read").asText()).isEqualTo("2023-12-10T11:31:00Z");
            assertThat(shared.get("failed").asText()).isEqualTo("2023-12-10T11:30:03Z");
            assertThat(shared.get("currentStatus").asText()).isEqualTo("read");
            JsonNode events = shared.get("events");
            assertThat(events).hasSize(OBSERVATIONS.length);
            for (JsonNode e : events) {
                int o = indexOf(e.get("status").asText(), e.get("at").asText());
                assertThat(e.get("seen").asInt()).as("repeats of %s", e).isEqualTo(timesSent[o]);
            }
        }
    }

    static int indexOf(String status, String at) {
        for (int i = 0; i < OBSERVATIONS.length; i++) {
            String iso = java.time.Instant.ofEpochSecond(Long.parseLong(OBSERVATIONS[i][1])).toString();
            if (OBSERVATIONS[i][0].equals(status) && iso.equals(at)) {
                return i;
            }
        }
        throw new AssertionError("unexpected event " + status + " at " + at);
    }
}
