package io.tickwatch.http;

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
 * App.close (DESIGN.md §4): stop accepting, answer what is in flight after its commit, drain the queue,
 * close the store. A request waiting for its commit when the stop begins still gets its 200, new ones are
 * refused with 503, and what was acknowledged is in the file when the application starts again.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class GracefulStopOverHttpTest {

    @Test
    void aRequestInFlightWhenTheStopBeginsIsCommittedAndAnswered(@TempDir Path dir) throws Exception {
        Map<String, String> env = Map.of("TICKWATCH_DB",
                "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath() + ";LOCK_TIMEOUT=10000");
        RunningTickwatch tw = RunningTickwatch.start(dir, env);
        CompletableFuture<Void> stopped;
        CompletableFuture<RunningTickwatch.Reply> inFlight;
        try {
            assertThat(tw.postWebhook(onPremises(status("stop.locked", "sent", "1702207800", null))).status()).isEqualTo(200);
            try (Connection lock = tw.connect()) {
                lock.setAutoCommit(false);
                try (Statement s = lock.createStatement();
                     ResultSet rs = s.executeQuery("SELECT id FROM messages WHERE id = 'stop.locked' FOR UPDATE")) {
                    assertThat(rs.next()).isTrue();
                }
                inFlight = tw.postWebhookAsync(onPremises(status("stop.locked", "read", "1702207860", null)));
                await().atMost(Duration.ofSeconds(5)).until(() -> tw.get("/health").json().get("queuedItems").asInt() == 1);

                stopped = CompletableFuture.runAsync(tw::close);
                await().atMost(Duration.ofSeconds(5)).until(() -> tw.get("/health").status() == 503);
                assertThat(tw.postWebhook(onPremises(status("stop.late", "sent", "1702207800", null))).status())
                        .as("new requests are refused while stopping").isEqualTo(503);
                assertThat(inFlight).isNotDone();
                lock.rollback();
            }
            assertThat(inFlight.get(15, TimeUnit.SECONDS).status()).isEqualTo(200);
            stopped.get(30, TimeUnit.SECONDS);
        } finally {
            tw.close();
        }

        try (RunningTickwatch again = RunningTickwatch.start(dir, env)) {
            assertThat(again.message("stop.locked").json().get("read").asText()).isEqualTo("2023-12-10T11:31:00Z");
            assertThat(again.message("stop.late").status()).isEqualTo(404);
        }
    }
}
