package io.tickwatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.model.MessageMerge;
import io.tickwatch.model.MessageState;
import io.tickwatch.model.StatusEvent;
import io.tickwatch.testing.Backend;
import io.tickwatch.testing.TestBatches;
import io.tickwatch.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The maintained per-minute funnel (DESIGN.md §6: KPIs "maintained incrementally, not a table scan") must
 * always equal a count of the merged messages: whatever the order, duplication and batching of the
 * observations, with several writers at once, before and after compaction, for whole and partial minutes,
 * and for a store that had messages before the table existed.
 */
class FunnelMinutesTest {

    private static final long T0 = 1_702_207_800_000L;

    @TempDir
    Path dir;
    private TestDatabase db;
    private JdbcStatusStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
        if (db != null) {
            db.close();
        }
    }

    /** Observations of many messages over ~3 hours, latencies from negative to days, out of order, repeated. */
    static List<StatusEvent> stream(long seed, int messages) {
        Random r = new Random(seed);
        long[] latencies = {-2_000, 0, 249, 250, 999, 1_000, 4_999, 5_000, 29_999, 30_000, 61_000, 299_999, 300_000,
                3_600_000, 21_600_000, 86_400_000, 200_000_000};
        List<StatusEvent> events = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            String id = "wamid.F" + seed + "." + i;
            long sent = T0 + r.nextInt(3 * 3_600_000);
            String phone = "+9198" + String.format(Locale.ROOT, "%08d", r.nextInt(50));
            List<StatusEvent> own = new ArrayList<>();
            if (r.nextInt(10) < 8) {
                own.add(new StatusEvent(id, "sent", sent, phone, null, null, 0));
            }
            long delivered = sent + latencies[r.nextInt(latencies.length)];
            if (r.nextInt(10) < 6) {
                own.add(new StatusEvent(id, "delivered", delivered, phone, null, null, 0));
            }
            if (r.nextInt(10) < 4) {
                own.add(new StatusEvent(id, "read", delivered + latencies[r.nextInt(latencies.length)], phone, null,
                        null, 0));
            }
            if (r.nextInt(10) == 0) {
                own.add(new StatusEvent(id, "failed", sent + 1_000, phone, 131026, "Message undeliverable", 0));
            }
            if (r.nextInt(20) == 0) {
                own.add(new StatusEvent(id, "deleted", sent - 90_000, null, null, null, 0)); // moves first_at back
            }
            for (StatusEvent e : own) {
                for (int copies = 1 + r.nextInt(2); copies > 0; copies--) {
                    events.add(e);
                }
            }
        }
        Collections.shuffle(events, r);
        return events;
    }

    private static long[] expected(Map<String, MessageState> states, Long since, Long until) {
        long[] f = new long[FunnelMinutes.WIDTH];
        for (MessageState s : states.values()) {
            if ((since == null || s.firstAt() >= since) && (until == null || s.firstAt() < until)) {
                FunnelMinutes.add(f, s, 1);
            }
        }
        return f;
    }

    private long[] maintained(Long since, Long until) throws SQLException {
        try (Connection c = store.dataSource().getConnection()) {
            return FunnelMinutes.figures(c, since, until);
        }
    }

    private void assertRangesMatch(Map<String, MessageState> reference) throws SQLException {
        Long[][] ranges = {{null, null}, {T0 + 1_234, null}, {null, T0 + 3_600_000 + 59_999},
                {T0 + 600_001, T0 + 5_400_000 + 17}, {T0 + 60_000, T0 + 120_000}, {T0 + 61_000, T0 + 62_000},
                {T0 + 20_000_000, null}, {T0 - 1_800_000, T0 + 3 * 3_600_000 + 1_800_000},
                {T0 + 1_800_000 + 60_000, T0 + 2 * 3_600_000 + 1_800_000 - 60_000}, {T0 + 1_800_000, null}};
        for (Long[] r : ranges) {
            assertThat(maintained(r[0], r[1])).as("range %s", Arrays.toString(r))
                    .containsExactly(expected(reference, r[0], r[1]));
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void maintainedFiguresEqualACountOfTheMergedMessages(Backend backend) throws Exception {
        db = backend.create(dir);
        store = StoreFactory.open(db.jdbcUrl(), 6);
        List<StatusEvent> events = stream(7, 1_500);
        int writers = 4;
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int w = 0; w < writers; w++) {
            List<StatusEvent> part = events.subList(events.size() * w / writers, events.size() * (w + 1) / writers);
            Random random = new Random(w);
            Thread t = new Thread(() -> {
                for (int i = 0; i < part.size(); ) {
                    int n = 1 + random.nextInt(60);
                    store.write(TestBatches.of(part.subList(i, Math.min(part.size(), i + n))));
                    i += n;
                }
            });
            t.setUncaughtExceptionHandler((th, e) -> failures.add(e));
            threads.add(t);
        }
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        assertThat(failures).isEmpty();
        Map<String, MessageState> reference = MessageMerge.fold(events);
        assertRangesMatch(reference);
        assertThat(store.funnel(FunnelQuery.ALL)).isEqualTo(FunnelMinutes.funnel(expected(reference, null, null)));
        if (backend == Backend.POSTGRESQL) {
            assertThat(count("funnel_deltas")).as("pending deltas before compaction").isPositive();
            try (Connection c = store.dataSource().getConnection()) {
                c.setAutoCommit(false);
                DeltaCompaction.compact(c);
                c.commit();
            }
            assertThat(count("funnel_deltas")).as("compaction folds every delta").isZero();
            assertRangesMatch(reference);
        } else {
            assertThat(count("funnel_deltas")).as("H2 writes funnel_minutes directly").isZero();
        }
        store.recountAggregates();
        assertRangesMatch(reference);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aStoreWithMessagesFromBeforeTheTableIsCountedByTheMigration(Backend backend) throws Exception {
        db = backend.create(dir);
        Dialect dialect = Dialect.of(db.jdbcUrl());
        Map<String, MessageState> reference = MessageMerge.fold(stream(11, 400));
        Flyway version1 = Flyway.configure().dataSource(db.jdbcUrl(), null, null)
                .locations("classpath:sql/common", "classpath:sql/" + dialect.migrationFolder()).target(dialect == Dialect.H2 ? "1" : "1.1").load();
        version1.migrate();
        try (Connection c = version1.getConfiguration().getDataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(dialect.upsertMessages())) {
            for (MessageState s : reference.values()) {
                MessageRows.bind(ps, s);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        store = StoreFactory.open(db.jdbcUrl(), 2);
        assertRangesMatch(reference);
    }

    @Test
    void theTablesColumnsAreTheFiguresJavaAddsUp() throws Exception {
        db = Backend.H2.create(dir);
        store = StoreFactory.open(db.jdbcUrl(), 2);
        for (String table : List.of("FUNNEL_MINUTES", "FUNNEL_DELTAS", "FUNNEL_HOURS")) {
            List<String> columns = new ArrayList<>();
            try (Connection c = store.dataSource().getConnection();
                 ResultSet rs = c.getMetaData().getColumns(null, null, table, null)) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            List<String> expected = new ArrayList<>(List.of(table.equals("FUNNEL_HOURS") ? "hour_start" : "minute_start"));
            expected.addAll(FunnelMinutes.COLUMNS);
            assertThat(columns).as(table).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void percentilesAreEstimatedWithinTheirBucket() {
        long[] f = new long[FunnelMinutes.WIDTH];
        // 100 deliveries: 50 at 1-2 s, 40 at 5-7.5 s, 10 at 1-2 min
        f[FunnelMinutes.DELIVER_HISTOGRAM + FunnelMinutes.bucketOf(1_500)] = 50;
        f[FunnelMinutes.DELIVER_HISTOGRAM + FunnelMinutes.bucketOf(6_000)] = 40;
        f[FunnelMinutes.DELIVER_HISTOGRAM + FunnelMinutes.bucketOf(100_000)] = 10;
        assertThat(FunnelMinutes.percentile(f, FunnelMinutes.DELIVER_HISTOGRAM, 0.5)).isBetween(1_000L, 2_000L);
        assertThat(FunnelMinutes.percentile(f, FunnelMinutes.DELIVER_HISTOGRAM, 0.9)).isBetween(5_000L, 7_500L);
        assertThat(FunnelMinutes.percentile(f, FunnelMinutes.DELIVER_HISTOGRAM, 0.91)).isBetween(90_000L, 120_000L);
        assertThat(FunnelMinutes.percentile(f, FunnelMinutes.READ_HISTOGRAM, 0.5)).as("no reads").isNull();
        assertThat(FunnelMinutes.coarse(f, FunnelMinutes.DELIVER_HISTOGRAM))
                .containsExactly(0L, 50L, 40L, 0L, 10L, 0L, 0L, 0L, 0L);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void throughputFromTheMaintainedCountsEqualsTheEventHistory(Backend backend) throws Exception {
        db = backend.create(dir);
        store = StoreFactory.open(db.jdbcUrl(), 4);
        List<StatusEvent> events = stream(5, 800);
        for (int i = 0; i < events.size(); i += 37) {
            store.write(TestBatches.of(events.subList(i, Math.min(events.size(), i + 37))));
        }
        DashboardQueries queries = JdbcDashboardQueries.over(store);
        long[][] charts = {{T0, T0 + 900_000, 10_000}, {T0 - 3_600_000, T0 + 4 * 3_600_000, 60_000},
                {T0 + 600_000, T0 + 3 * 3_600_000, 300_000}, {T0 + 1_800_000 - 86_400_000, T0 + 7 * 86_400_000, 10_800_000}, {T0 + 1_800_000, T0 + 1_800_000 + 4 * 3_600_000, 3_600_000}};
        for (long[] chart : charts) {
            assertThat(queries.throughput(chart[0], chart[1], chart[2]))
                    .as("chart %s", Arrays.toString(chart))
                    .containsExactlyInAnyOrderElementsOf(fromHistory(chart[0], chart[1], chart[2]))
                    .isNotEmpty();
        }
    }

    private List<ThroughputBucket> fromHistory(long since, long until, long bucket) throws SQLException {
        List<ThroughputBucket> result = new ArrayList<>();
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT observed_at, status, seen FROM status_events "
                     + "WHERE observed_at >= ? AND observed_at < ? AND status IN ('sent', 'delivered', 'read', 'failed')")) {
            ps.setLong(1, since);
            ps.setLong(2, until);
            Map<List<Object>, Long> sums = new java.util.HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long start = since + Math.floorDiv(rs.getLong(1) - since, bucket) * bucket;
                    sums.merge(List.of(start, rs.getString(2)), rs.getLong(3), Long::sum);
                }
            }
            sums.forEach((k, n) -> result.add(new ThroughputBucket((Long) k.get(0), (String) k.get(1), n)));
        }
        return result;
    }

    private long count(String table) throws SQLException {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
