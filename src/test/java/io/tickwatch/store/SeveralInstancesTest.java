package io.tickwatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.testing.ChildTickwatch;
import io.tickwatch.testing.MergedFields;
import io.tickwatch.testing.ParallelPoster;
import io.tickwatch.testing.PostgresServer;
import io.tickwatch.testing.ReferenceFunnel;
import io.tickwatch.testing.StatusScenario;
import io.tickwatch.testing.TestDatabase;
import io.tickwatch.testing.WebhookClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Two application processes on one PostgreSQL database, fed over HTTP by several client threads with
 * interleaved, shuffled and duplicated observations of the same messages: the database ends with
 * exactly the state of the single-threaded reference merge.
 */
class SeveralInstancesTest {

    private static final Logger LOG = LoggerFactory.getLogger(SeveralInstancesTest.class);

    @TempDir
    Path dir;

    @Test
    void twoProcessesPostingTheSameMessagesEndWithTheReferenceState() throws Exception {
        PostgresServer.assumeAvailable();
        StatusScenario scenario = StatusScenario.generate(2026, 800, 2);
        try (TestDatabase db = PostgresServer.createDatabase()) {
            ChildTickwatch[] apps = startTwo(db.jdbcUrl());
            try {
                long started = System.nanoTime();
                int requests = ParallelPoster.post(scenario, List.of(new WebhookClient(apps[0].baseUrl()),
                        new WebhookClient(apps[1].baseUrl())), 6);
                LOG.info("{} observations in {} requests over 6 client threads to 2 processes: {} ms",
                        scenario.events().size(), requests, (System.nanoTime() - started) / 1_000_000);

                try (JdbcStatusStore store = StoreFactory.open(db.jdbcUrl(), 2)) {
                    Map<String, MergedFields> expected = new TreeMap<>();
                    scenario.reference().forEach((id, s) -> expected.put(id, MergedFields.of(s)));
                    Map<String, MergedFields> actual = new TreeMap<>();
                    for (String id : expected.keySet()) {
                        actual.put(id, MergedFields.of(store.message(id).orElseThrow().state()));
                    }
                    assertThat(actual).isEqualTo(expected);
                    long seen = 0;
                    for (String id : expected.keySet()) {
                        seen += store.message(id).orElseThrow().events().stream().mapToInt(EventView::seen).sum();
                    }
                    assertThat(seen).isEqualTo(scenario.events().size());
                    FunnelCounts reference = ReferenceFunnel.count(scenario.reference().values());
                    for (ChildTickwatch app : apps) {
                        var funnel = new WebhookClient(app.baseUrl()).get("/api/funnel").json();
                        assertThat(funnel.get("messages").asLong()).isEqualTo(reference.messages());
                        assertThat(funnel.get("delivered").asLong()).isEqualTo(reference.delivered());
                        assertThat(funnel.get("read").asLong()).isEqualTo(reference.read());
                        assertThat(funnel.get("failed").asLong()).isEqualTo(reference.failed());
                    }
                }
            } finally {
                for (ChildTickwatch app : apps) {
                    app.close();
                }
            }
        }
    }

    /** Both start at once, so their Flyway migrations race too (Flyway serialises them with an advisory lock). */
    private ChildTickwatch[] startTwo(String jdbcUrl) throws Exception {
        Function<String, CompletableFuture<ChildTickwatch>> start = name -> CompletableFuture.supplyAsync(() -> {
            Path work = dir.resolve(name);
            work.toFile().mkdirs();
            return ChildTickwatch.start(work, "--db", jdbcUrl);
        });
        CompletableFuture<ChildTickwatch> a = start.apply("a");
        CompletableFuture<ChildTickwatch> b = start.apply("b");
        return new ChildTickwatch[] {a.get(), b.get()};
    }
}
