package io.tickwatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The maintained throughput table (sql/common/V3__status_counts.sql): funnel statuses per 10 s, per
 * minute and per hour of provider time. Writers add their batch's events in key order, so concurrent writers on
 * PostgreSQL lock shared rows in one order and never deadlock.
 */
final class StatusCounts {

    static final long FINE = 10_000;
    static final long COARSE = 60_000;
    static final long HOURLY = 3_600_000;
    private static final long[] GRAINS = {FINE, COARSE, HOURLY};
    private static final Set<String> COUNTED = Set.of("sent", "delivered", "read", "failed");
    private static final Map<Dialect, String> UPSERT = Dialect.once(d -> d.upsert("status_counts", "s",
            List.of("grain_ms", "bucket_start", "status", "events"), List.of("BIGINT", "BIGINT", "VARCHAR(16)", "BIGINT"),
            "grain_ms, bucket_start, status", "events = s.events + " + d.newRowAlias() + ".events"));

    private StatusCounts() {
    }

    /** The grain a chart with buckets of {@code bucketMillis} (a multiple of 10 s) is summed from. */
    static long grainFor(long bucketMillis) {
        if (bucketMillis % FINE != 0) {
            throw new IllegalArgumentException("throughput buckets are multiples of 10 s, not " + bucketMillis + " ms");
        }
        return bucketMillis % HOURLY == 0 ? HOURLY : bucketMillis % COARSE == 0 ? COARSE : FINE;
    }

    static void add(Connection c, Dialect dialect, List<EventRow> events) throws SQLException {
        Map<List<Object>, Long> deltas = new TreeMap<>((a, b) -> {
            int byGrain = Long.compare((Long) a.get(0), (Long) b.get(0));
            if (byGrain != 0) {
                return byGrain;
            }
            int byBucket = Long.compare((Long) a.get(1), (Long) b.get(1));
            return byBucket != 0 ? byBucket : ((String) a.get(2)).compareTo((String) b.get(2));
        });
        for (EventRow e : events) {
            if (COUNTED.contains(e.status())) {
                for (long grain : GRAINS) {
                    deltas.merge(List.of(grain, Math.floorDiv(e.observedAt(), grain) * grain, e.status()),
                            (long) e.seen(), Long::sum);
                }
            }
        }
        if (deltas.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(UPSERT.get(dialect))) {
            for (Map.Entry<List<Object>, Long> d : deltas.entrySet()) {
                ps.setLong(1, (Long) d.getKey().get(0));
                ps.setLong(2, (Long) d.getKey().get(1));
                ps.setString(3, (String) d.getKey().get(2));
                ps.setLong(4, d.getValue());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** After copying a history (whose repeat counts are merged, not added): count it again from the events. */
    static void recount(Connection c) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM status_counts")) {
            delete.executeUpdate();
        }
        for (long grain : GRAINS) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO status_counts (grain_ms, bucket_start, status, events) "
                    + "SELECT " + grain + ", (observed_at / " + grain + ") * " + grain + ", status, SUM(seen) "
                    + "FROM status_events WHERE status IN ('sent', 'delivered', 'read', 'failed') "
                    + "GROUP BY (observed_at / " + grain + ") * " + grain + ", status")) {
                ps.executeUpdate();
            }
        }
    }
}
