package io.tickwatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.model.StatusEvent;
import io.tickwatch.testing.ChildTickwatch;
import io.tickwatch.testing.MergedFields;
import io.tickwatch.testing.PostgresServer;
import io.tickwatch.testing.RunningTickwatch;
import io.tickwatch.testing.StatusScenario;
import io.tickwatch.testing.TestDatabase;
import io.tickwatch.testing.WebhookClient;
import io.tickwatch.testing.Webhooks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
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
        StatusScenario scenario = StatusScenario.generate(2026, 400, 2);
        try (TestDatabase db = PostgresServer.createDatabase()) {
            ChildTickwatch[] apps = startTwo(db.jdbcUrl());
            try {
                long started = System.nanoTime();
                int requests = postInParallel(scenario, List.of(new WebhookClient(apps[0].baseUrl()),
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
                    FunnelCounts reference = StoreContractTest.count(scenario.reference().values());
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

    /**
     * Splits the shuffled observations into {@code threads} streams; each thread cuts its stream into
     * requests of 1–30 statuses and sends them alternately to the instances. Every answer must be a 200
     * that processed every status.
     */
    static int postInParallel(StatusScenario scenario, List<WebhookClient> clients, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger requests = new AtomicInteger();
        try {
            List<CompletableFuture<Void>> done = new ArrayList<>();
            List<List<StatusEvent>> parts = scenario.split(threads);
            for (int t = 0; t < threads; t++) {
                List<StatusEvent> part = parts.get(t);
                Random random = new Random(t);
                int first = t;
                done.add(CompletableFuture.runAsync(() -> {
                    int i = 0;
                    int n = first;
                    while (i < part.size()) {
                        List<StatusEvent> chunk = part.subList(i, Math.min(part.size(), i + 1 + random.nextInt(30)));
                        i += chunk.size();
                        String body = Webhooks.onPremises(chunk.stream().map(StatusScenario::toJson)
                                .collect(Collectors.toList()).toArray(String[]::new));
                        RunningTickwatch.Reply reply = clients.get(n++ % clients.size()).post(body);
                        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
                        assertThat(reply.json().get("processed").asInt()).isEqualTo(chunk.size());
                        requests.incrementAndGet();
                    }
                }, pool));
            }
            CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get();
        } finally {
            pool.shutdownNow();
        }
        return requests.get();
    }

}
