package io.tickwatch.live;

import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwatch.model.MessageState;
import io.tickwatch.store.ChangeFeed;
import io.tickwatch.store.FunnelQuery;
import io.tickwatch.store.JdbcStatusStore;
import io.tickwatch.store.StoreFactory;
import io.tickwatch.testing.Backend;
import io.tickwatch.testing.ChildTickwatch;
import io.tickwatch.testing.ParallelPoster;
import io.tickwatch.testing.PostgresServer;
import io.tickwatch.testing.ReferenceFunnel;
import io.tickwatch.testing.StatusScenario;
import io.tickwatch.testing.TcpProxy;
import io.tickwatch.testing.TestBatches;
import io.tickwatch.testing.TestDatabase;
import io.tickwatch.testing.WebhookClient;
import io.tickwatch.model.StatusEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A dashboard's live model in this JVM, watching a PostgreSQL database that other processes write to:
 * it hears of their commits through LISTEN/NOTIFY within a second, its funnel equals a fresh count once
 * the load stops, and a change made without a notice is repaired by the periodic reconciliation.
 */
class LiveMessagesTest {

    private static final Logger LOG = LoggerFactory.getLogger(LiveMessagesTest.class);

    @TempDir
    Path dir;
    /** Closed in reverse order after each test; children may be started from another thread. */
    private final List<AutoCloseable> opened = java.util.Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void closeAll() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    private <T extends AutoCloseable> T open(T resource) {
        opened.add(resource);
        return resource;
    }

    private LiveMessages watch(String jdbcUrl, LiveMessages.Options options) {
        JdbcStatusStore store = open(StoreFactory.open(jdbcUrl, 2));
        LiveMessages live = open(new LiveMessages(store, StoreFactory.changeFeed(jdbcUrl), options));
        live.start();
        return live;
    }

    private ChildTickwatch child(String name, String jdbcUrl) {
        Path work = dir.resolve(name);
        work.toFile().mkdirs();
        return open(ChildTickwatch.start(work, "--db", jdbcUrl));
    }

    @Test
    void seesACommitOfAnotherProcessWithinOneSecond() {
        TestDatabase db = open(PostgresServer.createDatabase());
        ChildTickwatch other = child("other", db.jdbcUrl());
        LiveMessages live = watch(db.jdbcUrl(), LiveMessages.Options.DEFAULT);
        await().atMost(Duration.ofSeconds(5)).until(() -> live.snapshot().listening());

        WebhookClient client = new WebhookClient(other.baseUrl());
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String id = "wamid.live." + i;
            assertThat(client.post(onPremises(status(id, "delivered", "1702207805", "919876543210"))).status())
                    .isEqualTo(200);
            long acked = System.nanoTime();
            await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(5)).until(() ->
                    live.snapshot().recent().stream().anyMatch(s -> s.id().equals(id)));
            millis.add((System.nanoTime() - acked) / 1_000_000);
            long expected = i + 1;
            await().atMost(Duration.ofSeconds(1)).until(() -> live.snapshot().funnel().delivered() == expected);
        }
        LOG.info("live model saw commits of another process {} ms after their 200", millis);
        MessageState first = live.snapshot().recent().get(0);
        assertThat(first.id()).isEqualTo("wamid.live.4");
        assertThat(first.phone()).isEqualTo("+919876543210");
    }

    @Test
    void funnelEqualsAFreshCountOnceLoadFromTwoProcessesStops() throws Exception {
        TestDatabase db = open(PostgresServer.createDatabase());
        CompletableFuture<ChildTickwatch> a = CompletableFuture.supplyAsync(() -> child("a", db.jdbcUrl()));
        ChildTickwatch b = child("b", db.jdbcUrl());
        // reconciliation far away: the notices alone must bring the model to the right figures
        LiveMessages live = watch(db.jdbcUrl(), new LiveMessages.Options(Duration.ofMillis(100),
                Duration.ofMillis(250), Duration.ofMinutes(10), 50));
        await().atMost(Duration.ofSeconds(5)).until(() -> live.snapshot().listening());
        List<Long> versions = new java.util.concurrent.CopyOnWriteArrayList<>();
        live.subscribe(s -> versions.add(s.version()));

        StatusScenario scenario = StatusScenario.generate(99, 300, 1);
        ParallelPoster.post(scenario, List.of(new WebhookClient(a.get().baseUrl()), new WebhookClient(b.baseUrl())), 4);

        var fresh = StoreFactory.open(db.jdbcUrl(), 1);
        opened.add(fresh);
        var expected = ReferenceFunnel.count(scenario.reference().values());
        assertThat(fresh.funnel(FunnelQuery.ALL)).isEqualTo(expected);
        await().atMost(Duration.ofSeconds(2)).until(() -> live.snapshot().funnel().equals(expected));
        LOG.info("live model published {} snapshots during the load", versions.size());
    }

    @Test
    void aChangeWithoutNoticeIsRepairedByReconciliation() throws Exception {
        TestDatabase db = open(PostgresServer.createDatabase());
        LiveMessages live = watch(db.jdbcUrl(), new LiveMessages.Options(Duration.ofMillis(50),
                Duration.ofMillis(100), Duration.ofMillis(500), 50));
        await().atMost(Duration.ofSeconds(5)).until(() -> live.snapshot().listening());
        try (Connection c = DriverManager.getConnection(db.jdbcUrl()); Statement s = c.createStatement()) {
            // as an older Tickwatch or a manual fix would: a row, and no NOTIFY
            s.execute("INSERT INTO messages (id, delivered_real, status_rank, first_at, first_received, last_received, "
                    + "sent_at) VALUES ('silent', FALSE, 1, 1702207800000, 1702207800000, 1702207800000, 1702207800000)");
        }
        await().atMost(Duration.ofSeconds(3)).until(() -> live.snapshot().funnel().sent() == 1);
        assertThat(live.snapshot().reconciledAt()).isPositive();
    }

    @Test
    void theFeedReconnectsByItselfAfterAnOutageAndTheModelCatchesUp() throws Exception {
        TestDatabase db = open(PostgresServer.createDatabase());
        String[] hostPort = PostgresServer.hostPart().split(":");
        TcpProxy proxy = open(new TcpProxy(hostPort[0], Integer.parseInt(hostPort[1])));
        String viaProxy = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + db.name() + "?user=postgres";
        LiveMessages live = watch(viaProxy, LiveMessages.Options.DEFAULT);
        await().atMost(Duration.ofSeconds(5)).until(() -> live.snapshot().listening());

        proxy.cut();
        await().atMost(Duration.ofSeconds(3)).until(() -> !live.snapshot().listening());
        try (JdbcStatusStore writer = StoreFactory.open(db.jdbcUrl(), 2)) {
            // committed while the model is deaf: its notice is lost for good
            writer.write(TestBatches.of(List.of(new StatusEvent("during", "sent", 1_702_207_800_000L, "+1", null,
                    null, 1L))));
        }
        proxy.restore();
        await().atMost(Duration.ofSeconds(5)).until(() -> live.snapshot().listening()
                && live.snapshot().storeReachable() && live.snapshot().funnel().sent() == 1);
    }

    @Test
    void onH2TheModelFollowsThisProcesssCommits() {
        TestDatabase db = Backend.H2.create(dir);
        JdbcStatusStore store = open(StoreFactory.open(db.jdbcUrl(), 2));
        LiveMessages live = open(new LiveMessages(store, ChangeFeed.NONE, LiveMessages.Options.DEFAULT));
        live.start();
        StatusEvent read = new StatusEvent("h2.live", "read", 1_702_207_860_000L, "+1", null, null, 1L);
        var batch = TestBatches.of(List.of(read));
        store.write(batch);
        live.committed(batch);
        await().atMost(Duration.ofSeconds(1)).until(() -> live.snapshot().funnel().read() == 1);
        assertThat(live.snapshot().recent()).extracting(MessageState::id).containsExactly("h2.live");
        assertThat(live.snapshot().listening()).isFalse();
    }
}
