package io.tickwatch.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** The ingest path's meters for {@code /metrics}; thread-safe. */
public final class IngestMetrics {

    private final MeterRegistry registry;
    private final ConcurrentHashMap<Integer, Counter> requestsByAnswer = new ConcurrentHashMap<>();
    private final Counter accepted;
    private final Counter rejected;
    private final Timer commit;
    private final DistributionSummary batchItems;

    /** Upper bounds of the commit duration histogram on {@code /metrics}. */
    static final Duration[] COMMIT_BUCKETS = java.util.stream.LongStream.of(1, 2, 5, 10, 20, 50, 100, 200, 500, 1_000, 2_000, 5_000)
            .mapToObj(Duration::ofMillis).toArray(Duration[]::new);

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.accepted = Counter.builder("tickwatch.statuses.accepted").description("Statuses committed")
                .register(registry);
        this.rejected = Counter.builder("tickwatch.items.rejected").description("Items refused by validation")
                .register(registry);
        // Fixed buckets as well as the percentiles: a scraper (the ingest benchmark, Prometheus'
        // histogram_quantile) can take the distribution of any interval from two scrapes, which the
        // client-side percentiles (a decaying window of minutes) cannot give.
        this.commit = Timer.builder("tickwatch.commit").description("Group commit duration")
                .publishPercentiles(0.5, 0.99).serviceLevelObjectives(COMMIT_BUCKETS).register(registry);
        this.batchItems = DistributionSummary.builder("tickwatch.batch.items").description("Items per group commit")
                .register(registry);
    }

    void queueDepth(Supplier<Number> depth) {
        registry.gauge("tickwatch.queue.depth", depth, s -> s.get().doubleValue());
    }

    public void answered(int httpStatus) {
        requestsByAnswer.computeIfAbsent(httpStatus, s -> Counter.builder("tickwatch.requests")
                .description("Webhook requests by HTTP answer").tag("status", Integer.toString(s))
                .register(registry)).increment();
    }

    void committed(int acceptedItems, int rejectedItems, long nanos) {
        accepted.increment(acceptedItems);
        rejected.increment(rejectedItems);
        batchItems.record(acceptedItems + (double) rejectedItems);
        commit.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
}
