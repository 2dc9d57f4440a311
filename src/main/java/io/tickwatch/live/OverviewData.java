package io.tickwatch.live;

import io.tickwatch.store.FunnelCounts;
import io.tickwatch.store.LatencyStats;
import io.tickwatch.store.ThroughputBucket;
import java.util.List;

/**
 * The result of one overview refresh for one time range: funnel, latencies and throughput over
 * [since, until) in buckets of {@code bucketMillis}. Immutable; {@code sequence} grows with every refresh.
 *
 * @param storeEmpty true when the store holds no message at all (the dashboard shows how to send one)
 */
public record OverviewData(long sequence, TimeRange range, long since, long until, long bucketMillis,
                           FunnelCounts funnel, LatencyStats latency, List<ThroughputBucket> throughput,
                           boolean storeEmpty, long refreshedAt) {

    public static final OverviewData NONE = new OverviewData(0, TimeRange.LAST_HOUR, 0, 0, 60_000,
            FunnelCounts.EMPTY, LatencyStats.EMPTY, List.of(), true, 0);

    public OverviewData {
        throughput = List.copyOf(throughput);
    }
}
