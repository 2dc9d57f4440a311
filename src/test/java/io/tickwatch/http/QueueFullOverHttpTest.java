package io.tickwatch.http;

import static io.tickwatch.testing.Refusals.assertRefused;
import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwatch.testing.RunningTickwatch;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN.md §4 "ack after commit" and §3 503: while the writer cannot commit, requests wait for their
 * commit instead of being acknowledged; once the bounded queue is full, new requests get 503 with
 * Retry-After and nothing of them is kept; when the writer can go on, the waiting requests get 200 and
 * are stored. The writer is stalled for real: a second connection holds a row lock it needs.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class QueueFullOverHttpTest {

    static RunningTickwatch start(Path dir, int lockTimeoutMillis) {
        return RunningTickwatch.start(dir, Map.of(
                "TICKWATCH_DB", "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath() + ";LOCK_TIMEOUT=" + lockTimeoutMillis,
                "TICKWATCH_QUEUE_CAPACITY", "2",
                "TICKWATCH_MAX_ITEMS_PER_REQUEST", "1"));
    }

    /** Locks the message's row in an open transaction, so that the writer's upsert of it must wait. */
    static Connection lockRow(RunningTickwatch tw, String id) throws Exception {
        Connection c = tw.connect();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM messages WHERE id = '" + id + "' FOR UPDATE")) {
            assertThat(rs.next()).isTrue();
        }
        return c;
    }

    static int queuedItems(RunningTickwatch tw) {
        return tw.get("/health").json().get("queuedItems").asInt();
    }

    @Test
    void aFullQueueAnswers503WithRetryAfterAndTheWaitingRequestsAreStoredOnceTheWriterMovesOn(@TempDir Path dir) throws Exception {
        try (RunningTickwatch tw = start(dir, 10_000)) {
            assertThat(tw.postWebhook(onPremises(status("stall.locked", "sent", "1702207800", "919876543210"))).status()).isEqualTo(200);
            RunningTickwatch.StoreCounts before = tw.counts();

            CompletableFuture<RunningTickwatch.Reply> first;
            CompletableFuture<RunningTickwatch.Reply> second;
            try (Connection lock = lockRow(tw, "stall.locked")) {
                first = tw.postWebhookAsync(onPremises(status("stall.locked", "delivered", "1702207805", null)));
                await().atMost(Duration.ofSeconds(5)).until(() -> queuedItems(tw) == 1);
                second = tw.postWebhookAsync(onPremises(status("stall.queued", "sent", "1702207800", null)));
                await().atMost(Duration.ofSeconds(5)).until(() -> queuedItems(tw) == 2);

                RunningTickwatch.Reply refused = tw.postWebhook(onPremises(status("stall.refused", "sent", "1702207800", null)));
                assertRefused(refused, 503, "queue_full");
                assertThat(refused.header("Retry-After")).isNotNull();
                assertThat(Integer.parseInt(refused.header("Retry-After"))).isPositive();

                assertThat(first).as("no answer before the commit").isNotDone();
                assertThat(second).isNotDone();
                assertThat(tw.counts()).as("nothing committed while the writer waits").isEqualTo(before);
                lock.rollback();
            }

            assertThat(first.get(15, TimeUnit.SECONDS).status()).isEqualTo(200);
            assertThat(second.get(15, TimeUnit.SECONDS).status()).isEqualTo(200);
            assertThat(tw.message("stall.locked").json().get("delivered").asText()).isEqualTo("2023-12-10T11:30:05Z");
            assertThat(tw.message("stall.queued").status()).isEqualTo(200);
            assertThat(tw.message("stall.refused").status()).as("the refused request left nothing").isEqualTo(404);
            assertThat(tw.counts().requests() - before.requests()).isEqualTo(2);
            await().atMost(Duration.ofSeconds(5)).until(() -> queuedItems(tw) == 0);

            assertThat(tw.postWebhook(onPremises(status("stall.refused", "sent", "1702207800", null))).status())
                    .as("the provider's retry succeeds").isEqualTo(200);
            assertThat(tw.message("stall.refused").status()).isEqualTo(200);
        }
    }

    @Test
    void aCommitThatFailsIsAnswered503AndNothingIsAcknowledged(@TempDir Path dir) throws Exception {
        try (RunningTickwatch tw = start(dir, 300)) {
            assertThat(tw.postWebhook(onPremises(status("timeout.locked", "sent", "1702207800", null))).status()).isEqualTo(200);
            RunningTickwatch.StoreCounts before = tw.counts();
            try (Connection lock = lockRow(tw, "timeout.locked")) {
                RunningTickwatch.Reply reply = tw.postWebhook(onPremises(status("timeout.locked", "read", "1702207860", null)));
                assertRefused(reply, 503, "store_unavailable");
                assertThat(reply.header("Retry-After")).isNotNull();
                lock.rollback();
            }
            assertThat(tw.counts()).isEqualTo(before);
            assertThat(tw.message("timeout.locked").json().get("read").isNull()).isTrue();
            assertThat(tw.postWebhook(onPremises(status("timeout.locked", "read", "1702207860", null))).status())
                    .as("the retry after the store recovers succeeds").isEqualTo(200);
            assertThat(tw.message("timeout.locked").json().get("read").asText()).isEqualTo("2023-12-10T11:31:00Z");
            assertThat(tw.get("/health").json().get("writer").asText()).isEqualTo("ok");
        }
    }
}
