package io.tickwatch.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
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

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.accepted = Counter.builder("tickwatch.statuses.accepted").description("Statuses committed")
                .register(registry);
        this.rejected = Counter.builder("tickwatch.items.rejected").description("Items refused by validation")
                .register(registry);
        this.commit = Timer.builder("tickwatch.commit").description("Group commit duration")
                .publishPercentiles(0.5, 0.99).register(registry);
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
