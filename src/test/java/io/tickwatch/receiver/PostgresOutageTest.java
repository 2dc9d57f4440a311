package io.tickwatch.receiver;

import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwatch.testing.PostgresServer;
import io.tickwatch.testing.RunningTickwatch;
import io.tickwatch.testing.TcpProxy;
import io.tickwatch.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL goes away under load and comes back: webhooks get 503 with Retry-After quickly, /health says
 * the database is down, everything recovers by itself, and every acknowledged status is in the database.
 * The outage is a loopback TCP proxy that drops its connections: the shared server stays up.
 */
class PostgresOutageTest {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresOutageTest.class);

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void anOutageRefusesWithRetryAfterLosesNothingAcknowledgedAndRecovers() throws Exception {
        PostgresServer.assumeAvailable();
        String[] hostPort = PostgresServer.hostPart().split(":");
        try (TestDatabase db = PostgresServer.createDatabase();
             TcpProxy proxy = new TcpProxy(hostPort[0], Integer.parseInt(hostPort[1]));
             RunningTickwatch tw = RunningTickwatch.start(dir, Map.of("TICKWATCH_DB",
                     "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + db.name() + "?user=postgres"))) {
            assertThat(tw.postWebhook(onPremises(status("before", "sent", "1702207800", "1"))).status()).isEqualTo(200);

            Set<String> acknowledged = Collections.synchronizedSet(new HashSet<>());
            AtomicInteger refused = new AtomicInteger();
            AtomicBoolean loading = new AtomicBoolean(true);
            AtomicLong slowestRefusal = new AtomicLong();
            List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
            Thread load = new Thread(() -> {
                for (int n = 0; loading.get(); n++) {
                    String id = "load-" + n;
                    long started = System.nanoTime();
                    RunningTickwatch.Reply r = tw.postWebhook(onPremises(status(id, "delivered", "1702207805", "2")));
                    if (r.status() == 200) {
                        acknowledged.add(id);
                    } else if (r.status() == 503 && r.header("Retry-After") != null) {
                        refused.incrementAndGet();
                        slowestRefusal.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
                    } else {
                        unexpected.add(r.status() + " " + r.body());
                    }
                }
            }, "outage-load");
            load.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> acknowledged.size() >= 20);

            proxy.cut();
            List<Long> outageMillis = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long started = System.nanoTime();
                RunningTickwatch.Reply r = tw.postWebhook(onPremises(status("during-" + i, "read", "1702207860", "3")));
                outageMillis.add((System.nanoTime() - started) / 1_000_000);
                assertThat(r.status()).isEqualTo(503);
                assertThat(r.header("Retry-After")).isNotBlank();
            }
            LOG.info("webhook answers during the outage took {} ms", outageMillis);
            assertThat(outageMillis).allSatisfy(ms -> assertThat(ms).isLessThan(1_000));
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                RunningTickwatch.Reply health = tw.get("/health");
                assertThat(health.status()).isEqualTo(503);
                assertThat(health.json().get("db").asText()).isEqualTo("down");
            });

            proxy.restore();
            await().atMost(Duration.ofSeconds(15)).until(() -> tw.get("/health").status() == 200);
            // as soon as /health says up, a webhook is taken: no lingering "failing" state refuses it
            assertThat(tw.postWebhook(onPremises(status("after", "sent", "1702207900", "4"))).status()).isEqualTo(200);
            assertThat(tw.get("/health").json().get("writer").asText()).isEqualTo("ok");
            int ackedAtRestore = acknowledged.size();
            await().atMost(Duration.ofSeconds(10)).until(() -> acknowledged.size() > ackedAtRestore + 20);
            loading.set(false);
            load.join();

            LOG.info("load: acknowledged {}, refused {} (slowest refusal {} ms)", acknowledged.size(), refused.get(),
                    slowestRefusal.get());
            assertThat(unexpected).isEmpty();
            assertThat(refused.get()).isPositive();
            assertThat(slowestRefusal.get()).isLessThan(1_000);
            Set<String> stored = new HashSet<>();
            try (Connection c = DriverManager.getConnection(db.jdbcUrl());
                 PreparedStatement ps = c.prepareStatement("SELECT id FROM messages WHERE id LIKE 'load-%'");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.add(rs.getString(1));
                }
            }
            assertThat(stored).containsAll(acknowledged);
        }
    }
}
