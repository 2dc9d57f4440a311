package io.tickwatch.store;

import java.util.List;

/**
 * Time to deliver (delivered − sent) and time to read (read − sent) in milliseconds. Percentiles are
 * null while no message has both times; histograms count messages per {@link #BUCKETS} bucket.
 */
public record LatencyStats(Long deliverMedian, Long deliverP90, Long readMedian, Long readP90,
                           List<Long> deliverHistogram, List<Long> readHistogram) {

    /** Upper bounds (exclusive, millis) of the histogram buckets; the last bucket is open. */
    public static final List<Long> BUCKETS = List.of(1_000L, 5_000L, 30_000L, 60_000L, 300_000L, 1_800_000L,
            3_600_000L, 21_600_000L, Long.MAX_VALUE);

    public static final List<String> BUCKET_LABELS = List.of("< 1 s", "1–5 s", "5–30 s", "30 s–1 min",
            "1–5 min", "5–30 min", "30 min–1 h", "1–6 h", "≥ 6 h");

    public static final LatencyStats EMPTY = new LatencyStats(null, null, null, null,
            BUCKETS.stream().map(b -> 0L).toList(), BUCKETS.stream().map(b -> 0L).toList());

    public LatencyStats {
        deliverHistogram = List.copyOf(deliverHistogram);
        readHistogram = List.copyOf(readHistogram);
    }
}
