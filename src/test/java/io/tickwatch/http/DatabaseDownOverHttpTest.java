package io.tickwatch.http;

import static io.tickwatch.testing.Refusals.assertRefused;
import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwatch.testing.RunningTickwatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN.md §3/§4: while the database is down, /health answers 503 and webhooks 503 with Retry-After
 * (the provider retries, nothing is lost); once it is back, both recover and earlier data is intact.
 * "Down" for real: the H2 database is shut down and its file moved away, with IFEXISTS=TRUE so that
 * no empty database is created in its place.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DatabaseDownOverHttpTest {

    @TempDir
    Path dir;

    @Test
    void whileTheDatabaseIsDownWebhooksAndHealthAnswer503ThenRecover() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
        DriverManager.getConnection(url).close(); // create the file, so that IFEXISTS=TRUE can open it
        try (RunningTickwatch tw = RunningTickwatch.start(dir, Map.of("TICKWATCH_DB", url + ";IFEXISTS=TRUE"))) {
            assertThat(tw.postWebhook(onPremises(status("down.before", "sent", "1702207800", null))).status()).isEqualTo(200);

            Path file = dir.resolve("store.mv.db");
            Path away = dir.resolve("away.mv.db");
            try (Connection c = tw.connect(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
            Files.move(file, away);

            RunningTickwatch.Reply health = tw.get("/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.json().get("status").asText()).isEqualTo("down");
            assertThat(health.json().get("db").asText()).isEqualTo("down");

            RunningTickwatch.Reply refused = tw.postWebhook(onPremises(status("down.during", "delivered", "1702207805", null)));
            assertRefused(refused, 503, "store_unavailable");
            assertThat(refused.header("Retry-After")).isNotNull();
            assertRefused(tw.message("down.before"), 503, "store_unavailable");

            Files.move(away, file);
            await().atMost(Duration.ofSeconds(20)).until(() -> tw.get("/health").status() == 200);
            assertThat(tw.postWebhook(onPremises(status("down.during", "delivered", "1702207805", null))).status())
                    .as("the provider's retry").isEqualTo(200);
            assertThat(tw.message("down.before").json().get("sent").asText()).isEqualTo("2023-12-10T11:30:00Z");
            assertThat(tw.message("down.during").json().get("delivered").asText()).isEqualTo("2023-12-10T11:30:05Z");
            assertThat(tw.get("/health").json().get("writer").asText()).isEqualTo("ok");
        }
    }
}
