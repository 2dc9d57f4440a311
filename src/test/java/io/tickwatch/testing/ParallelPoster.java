package io.tickwatch.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.model.StatusEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/** Posts a scenario's observations over HTTP from several threads to one or more Tickwatch instances. */
public final class ParallelPoster {

    private ParallelPoster() {
    }

    /**
     * Splits the shuffled observations into {@code threads} streams; each thread cuts its stream into
     * requests of 1–30 statuses and sends them alternately to the instances. Every answer must be a 200
     * that processed every status.
     */
    public static int post(StatusScenario scenario, List<WebhookClient> clients, int threads) throws Exception {
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
