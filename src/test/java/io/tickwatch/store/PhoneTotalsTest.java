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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The maintained per-phone totals (sql/common/V8__phone_totals.sql) must count what a GROUP BY over the
 * merged messages counts, whatever the order, duplication and batching of the observations, when an earlier
 * observation moves a message to another phone, with several writers at once, before and after PostgreSQL's
 * deltas are folded, for a store that had messages before the table existed, and after a copy. Their last
 * activity is the latest receipt of any message while it belonged to the phone (it only grows).
 */
class PhoneTotalsTest {

    private static final long T0 = 1_702_207_800_000L;

    /** The per-phone figures as the readers grouped them from messages before the totals were maintained. */
    private static final String GROUP_BY = "SELECT m.phone, COUNT(*), "
            + "SUM(CASE WHEN m.sent_at IS NOT NULL OR m.delivered_at IS NOT NULL THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN m.delivered_at IS NOT NULL THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN m.read_at IS NOT NULL THEN 1 ELSE 0 END), "
            + "SUM(CASE WHEN m.failed_at IS NOT NULL THEN 1 ELSE 0 END), "
            + "MAX(m.last_received) FROM messages m WHERE m.phone IS NOT NULL GROUP BY m.phone";

    @TempDir
    Path dir;
    private final List<TestDatabase> databases = new ArrayList<>();
    private final List<JdbcStatusStore> stores = new ArrayList<>();

    @AfterEach
    void close() {
        stores.forEach(JdbcStatusStore::close);
        databases.forEach(TestDatabase::close);
    }

    private JdbcStatusStore open(TestDatabase db, int poolSize) {
        JdbcStatusStore store = StoreFactory.open(db.jdbcUrl(), poolSize);
        stores.add(store);
        return store;
    }

    private TestDatabase create(Backend backend, String name) {
        TestDatabase db = backend.create(dir.resolve(name));
        databases.add(db);
        return db;
    }

    private static String phone(int n) {
        return "+9198" + String.format(Locale.ROOT, "%08d", n);
    }

    /**
     * Observations of many messages over ~3 hours, shuffled and repeated, received in that order (one
     * receipt time each). With {@code moves}, a fifth of the observations carry another phone than the
     * message's own (half of them a stray phone of its own, which it often loses again), so
     * whichever of them is earliest decides the phone and a later batch may move the message; a tenth carry
     * none. Reads come with and without a delivered, before and after it.
     */
    static List<StatusEvent> stream(long seed, int messages, int phones, boolean moves) {
        Random r = new Random(seed);
        List<StatusEvent> events = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            String id = "wamid.P" + seed + "." + i;
            String own = phone(r.nextInt(phones));
            long sent = T0 + r.nextInt(3 * 3_600_000);
            List<String[]> plan = new ArrayList<>();
            List<Long> times = new ArrayList<>();
            if (r.nextInt(10) < 8) {
                plan.add(new String[] {"sent"});
                times.add(sent);
            }
            long delivered = sent + r.nextInt(60_000) - 2_000;
            if (r.nextInt(10) < 6) {
                plan.add(new String[] {"delivered"});
                times.add(delivered);
            }
            if (r.nextInt(10) < 4) {
                plan.add(new String[] {"read"});
                times.add(r.nextInt(5) == 0 ? delivered - 1_500 : delivered + r.nextInt(600_000)); // read before delivered
            }
            if (r.nextInt(10) == 0) {
                plan.add(new String[] {"failed"});
                times.add(sent + 1_000);
            }
            if (r.nextInt(20) == 0) {
                plan.add(new String[] {"deleted"});
                times.add(sent - 90_000);
            }
            for (int k = 0; k < plan.size(); k++) {
                int which = r.nextInt(10);
                String p = which == 0 ? null : moves && which <= 2 ? (which == 1 ? phone(r.nextInt(phones)) : phone(1_000 + r.nextInt(100_000)))
                        : own;
                String status = plan.get(k)[0];
                boolean failed = status.equals("failed");
                StatusEvent e = new StatusEvent(id, status, times.get(k), p, failed ? 131026 : null,
                        failed ? "Message undeliverable" : null, 0);
                for (int copies = 1 + r.nextInt(2); copies > 0; copies--) {
                    events.add(e);
                }
            }
        }
        Collections.shuffle(events, r);
        List<StatusEvent> received = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            StatusEvent e = events.get(i);
            received.add(new StatusEvent(e.messageId(), e.status(), e.atMillis(), e.phone(), e.errorCode(),
                    e.errorTitle(), T0 + 20_000_000 + 13L * i));
        }
        return received;
    }

    /** Per phone: messages, sent, delivered, read, failed, last activity. */
    private static Map<String, List<Long>> read(JdbcStatusStore store, String sql) throws SQLException {
        Map<String, List<Long>> rows = new TreeMap<>();
        try (Connection c = store.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                List<Long> row = new ArrayList<>();
                for (int i = 2; i <= 7; i++) {
                    row.add(rs.getLong(i));
                }
                rows.put(rs.getString(1), row);
            }
        }
        return rows;
    }

    static Map<String, List<Long>> maintained(JdbcStatusStore store) throws SQLException {
        return read(store, "SELECT phone, messages, sent, delivered, read_count, failed, last_activity FROM ("
                + PhoneTotals.current(store.dialect()) + ") p");
    }

    static Map<String, List<Long>> grouped(JdbcStatusStore store) throws SQLException {
        return read(store, GROUP_BY);
    }

    private static Map<String, List<Long>> counts(Map<String, List<Long>> rows) {
        Map<String, List<Long>> counts = new TreeMap<>();
        rows.forEach((phone, row) -> counts.put(phone, row.subList(0, 5)));
        return counts;
    }

    /** Per phone, what the merged messages count (the reference merge, no database). */
    private static Map<String, List<Long>> referenceCounts(Map<String, MessageState> states) {
        Map<String, long[]> sums = new TreeMap<>();
        for (MessageState s : states.values()) {
            if (s.phone() != null) {
                long[] f = sums.computeIfAbsent(s.phone(), p -> new long[5]);
                f[0]++;
                f[1] += s.sent() != null || s.delivered() != null ? 1 : 0;
                f[2] += s.delivered() != null ? 1 : 0;
                f[3] += s.read() != null ? 1 : 0;
                f[4] += s.failed() != null ? 1 : 0;
            }
        }
        Map<String, List<Long>> result = new TreeMap<>();
        sums.forEach((p, f) -> result.put(p, List.of(f[0], f[1], f[2], f[3], f[4])));
        return result;
    }

    /**
     * @param heard per phone, the latest receipt of a message while the phone held it (expected last activity)
     * @param moves how many times a batch moved a stored message to another phone
     */
    private record Written(Map<String, Long> heard, int moves) {
    }

    /** Writes the events in batches of 1-60 in their order, following what each batch does to each phone. */
    private static Written writeInBatches(JdbcStatusStore store, List<StatusEvent> events, long seed) {
        Random r = new Random(seed);
        Map<String, MessageState> states = new HashMap<>();
        Map<String, Long> heard = new HashMap<>();
        int moves = 0;
        for (int i = 0; i < events.size(); ) {
            int n = 1 + r.nextInt(60);
            List<StatusEvent> batch = events.subList(i, Math.min(events.size(), i + n));
            store.write(TestBatches.of(batch));
            for (MessageState s : MessageMerge.fold(batch).values()) {
                MessageState before = states.get(s.id());
                MessageState merged = states.merge(s.id(), s, MessageMerge::merge);
                if (before != null && before.phone() != null && !before.phone().equals(merged.phone())) {
                    moves++;
                }
                if (merged.phone() != null) {
                    heard.merge(merged.phone(), merged.lastReceived(), Math::max);
                }
            }
            i += n;
        }
        return new Written(heard, moves);
    }

    private static void assertMaintainedAreTheReference(JdbcStatusStore store, Map<String, MessageState> reference,
                                                        Map<String, Long> heard) throws SQLException {
        Map<String, List<Long>> maintained = maintained(store);
        assertThat(counts(maintained)).as("counts").isEqualTo(counts(grouped(store)))
                .isEqualTo(referenceCounts(reference));
        Map<String, Long> lastActivity = new TreeMap<>();
        maintained.forEach((phone, row) -> lastActivity.put(phone, row.get(5)));
        Map<String, Long> expected = new TreeMap<>(heard);
        expected.keySet().retainAll(lastActivity.keySet());
        assertThat(lastActivity).as("last activity: the latest receipt while the phone held a message")
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void maintainedTotalsEqualAGroupByOverTheMergedMessages(Backend backend) throws Exception {
        JdbcStatusStore store = open(create(backend, "store"), 2);
        List<StatusEvent> events = stream(3, 1_500, 40, true);
        Written written = writeInBatches(store, events, 3);
        Map<String, Long> heard = written.heard();
        Map<String, MessageState> reference = MessageMerge.fold(events);
        assertThat(written.moves()).as("messages moved to another phone").isGreaterThan(50);
        assertMaintainedAreTheReference(store, reference, heard);
        if (backend == Backend.H2) {
            assertThat(count(store, "phone_totals WHERE messages = 0")).as("phones every message left").isPositive();
        }
        if (backend == Backend.POSTGRESQL) {
            assertThat(count(store, "phone_deltas")).as("pending deltas before compaction").isPositive();
            try (Connection c = store.dataSource().getConnection()) {
                c.setAutoCommit(false);
                DeltaCompaction.compact(c);
                c.commit();
            }
            assertThat(count(store, "phone_deltas")).as("compaction folds every delta").isZero();
            assertMaintainedAreTheReference(store, reference, heard);
        } else {
            assertThat(count(store, "phone_deltas")).as("H2 writes phone_totals directly").isZero();
        }
        store.recountAggregates();
        assertThat(maintained(store)).as("a recount forgets the phones a message left").isEqualTo(grouped(store));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void severalWritersAtOnceKeepTheCountsExact(Backend backend) throws Exception {
        TestDatabase db = create(backend, "store");
        // PostgreSQL: two store instances (two pools, as two processes have); H2: one file, one store
        List<JdbcStatusStore> writers = backend == Backend.POSTGRESQL ? List.of(open(db, 3), open(db, 3))
                : List.of(open(db, 3));
        List<StatusEvent> events = stream(9, 1_500, 30, true);
        int threads = 4;
        List<Thread> started = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int w = 0; w < threads; w++) {
            List<StatusEvent> part = events.subList(events.size() * w / threads, events.size() * (w + 1) / threads);
            JdbcStatusStore store = writers.get(w % writers.size());
            Random random = new Random(w);
            Thread t = new Thread(() -> {
                for (int i = 0; i < part.size(); ) {
                    int n = 1 + random.nextInt(60);
                    store.write(TestBatches.of(part.subList(i, Math.min(part.size(), i + n))));
                    i += n;
                }
            });
            t.setUncaughtExceptionHandler((th, e) -> failures.add(e));
            started.add(t);
        }
        started.forEach(Thread::start);
        for (Thread t : started) {
            t.join();
        }
        assertThat(failures).isEmpty();
        JdbcStatusStore store = writers.get(0);
        Map<String, MessageState> reference = MessageMerge.fold(events);
        Map<String, List<Long>> maintained = maintained(store);
        Map<String, List<Long>> grouped = grouped(store);
        assertThat(counts(maintained)).isEqualTo(counts(grouped)).isEqualTo(referenceCounts(reference));
        // Which phone a message held in between depends on how the writers interleaved: its last activity lies
        // between the latest receipt of the messages it holds and that of every message that ever named it.
        Map<String, Long> named = new HashMap<>();
        for (StatusEvent e : events) {
            if (e.phone() != null) {
                named.merge(e.phone(), reference.get(e.messageId()).lastReceived(), Math::max);
            }
        }
        maintained.forEach((phone, row) -> assertThat(row.get(5)).as(phone)
                .isBetween(grouped.get(phone).get(5), named.get(phone)));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aStoreWithMessagesFromBeforeTheTableIsCountedByTheMigration(Backend backend) throws Exception {
        TestDatabase db = create(backend, "store");
        Dialect dialect = Dialect.of(db.jdbcUrl());
        Map<String, MessageState> reference = MessageMerge.fold(stream(11, 600, 25, true));
        Flyway version7 = Flyway.configure().dataSource(db.jdbcUrl(), null, null)
                .locations("classpath:sql/common", "classpath:sql/" + dialect.migrationFolder())
                .target("7").load();
        version7.migrate();
        try (Connection c = version7.getConfiguration().getDataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(dialect.upsertMessages())) {
            for (MessageState s : reference.values()) {
                MessageRows.bind(ps, s);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        JdbcStatusStore store = open(db, 2);
        assertThat(count(store, "phone_totals")).isPositive();
        assertThat(maintained(store)).isEqualTo(grouped(store));
        assertThat(counts(maintained(store))).isEqualTo(referenceCounts(reference));
    }

    /**
     * {@code tickwatch copy} merges messages into the target through the writer's upsert: a target that already
     * holds some of the messages under a later phone sees them move.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void aCopyKeepsTheTargetsTotalsRight(Backend backend) throws Exception {
        List<StatusEvent> events = stream(21, 800, 20, true);
        List<StatusEvent> sourceEvents = new ArrayList<>();
        List<StatusEvent> targetEvents = new ArrayList<>();
        Random r = new Random(21);
        for (StatusEvent e : events) {
            (r.nextInt(3) == 0 ? targetEvents : sourceEvents).add(e);
        }
        JdbcStatusStore source = open(create(Backend.H2, "source"), 2);
        JdbcStatusStore target = open(create(backend, "target"), 2);
        writeInBatches(source, sourceEvents, 1);
        writeInBatches(target, targetEvents, 2);
        new StoreCopier(source, target, 97, p -> { }).copy();
        Map<String, List<Long>> maintained = maintained(target);
        Map<String, List<Long>> grouped = grouped(target);
        assertThat(counts(maintained)).isEqualTo(counts(grouped)).isEqualTo(referenceCounts(MessageMerge.fold(events)));
        maintained.forEach((phone, row) -> assertThat(row.get(5)).as(phone).isGreaterThanOrEqualTo(grouped.get(phone).get(5)));
        new StoreCopier(source, target, 500, p -> { }).copy();
        assertThat(counts(maintained(target))).as("a second copy changes nothing").isEqualTo(counts(grouped));
    }

    /**
     * With no message ever moved, every answer read from the totals equals the one grouped from the messages:
     * the dashboard's page of "All" (with its exact medians) for every sort and direction, a range that starts
     * at the earliest message, and GET /api/phones for every sort.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void answersFromTheTotalsEqualThoseGroupedFromTheMessages(Backend backend) throws Exception {
        JdbcStatusStore store = open(create(backend, "store"), 2);
        List<StatusEvent> events = stream(5, 2_000, 300, false);
        assertThat(writeInBatches(store, events, 5).moves()).isZero();
        DashboardQueries queries = JdbcDashboardQueries.over(store);
        long earliest = queries.earliestMessage().orElseThrow();
        for (PhoneColumn sort : PhoneColumn.values()) {
            for (boolean descending : new boolean[] {true, false}) {
                List<PhoneRow> everyPhone = new ArrayList<>();
                queries.eachPhone(null, null, sort, descending, everyPhone::add); // grouped from the messages
                assertThat(everyPhone).hasSizeGreaterThan(50);
                String what = sort + (descending ? " desc" : " asc");
                assertThat(queries.phones(null, null, sort, descending, 50)).as(what)
                        .isEqualTo(everyPhone.subList(0, 50));
                assertThat(queries.phones(earliest, null, sort, descending, 50)).as(what + " from the earliest")
                        .isEqualTo(everyPhone.subList(0, 50));
                assertThat(queries.phones(null, null, sort, descending, 1_000)).as(what + ", every phone")
                        .isEqualTo(everyPhone);
            }
        }
        assertThat(queries.phones(null, null, PhoneColumn.MESSAGES, true, 200))
                .as("medians present").anyMatch(p -> p.medianReadDelay() != null)
                .as("and absent").anyMatch(p -> p.medianReadDelay() == null && p.read() == 0);
        for (PhoneSort sort : PhoneSort.values()) {
            List<PhoneFunnel> expected = new ArrayList<>();
            for (var e : grouped(store).entrySet()) {
                List<Long> f = e.getValue();
                expected.add(new PhoneFunnel(e.getKey(), new FunnelCounts(f.get(0), f.get(1), f.get(2), f.get(3),
                        f.get(4)), f.get(5)));
            }
            expected.sort(apiOrder(sort));
            assertThat(store.phones(40, sort)).as(sort.name()).isEqualTo(expected.subList(0, 40));
        }
    }

    /**
     * The page of "All" may come early with its first rows complete: those rows and the page's phones are
     * the final page's, the later rows lack only their medians, and the final page is the one without a head.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void anEarlyPageHasItsHeadCompleteAndTheFinalPageIsWhole(Backend backend) throws Exception {
        JdbcStatusStore store = open(create(backend, "store"), 2);
        assertThat(writeInBatches(store, stream(7, 2_000, 300, false), 5).moves()).isZero();
        DashboardQueries queries = JdbcDashboardQueries.over(store);
        List<PhoneRow> whole = queries.phones(null, null, PhoneColumn.MESSAGES, true, 200);
        List<List<PhoneRow>> early = new ArrayList<>();

        List<PhoneRow> last = queries.phones(null, null, PhoneColumn.MESSAGES, true, 200, 20, early::add);

        assertThat(last).isEqualTo(whole);
        assertThat(early).hasSize(1);
        List<PhoneRow> first = early.get(0);
        assertThat(first.subList(0, 20)).isEqualTo(whole.subList(0, 20));
        assertThat(first.stream().map(PhoneRow::phone).toList()).isEqualTo(whole.stream().map(PhoneRow::phone).toList());
        assertThat(first.subList(20, first.size())).allMatch(p -> p.medianReadDelay() == null);
        assertThat(whole.subList(20, whole.size())).anyMatch(p -> p.medianReadDelay() != null);
        // a grouped range has no early page
        early.clear();
        queries.phones(queries.earliestMessage().orElseThrow() + 1, null, PhoneColumn.MESSAGES, true, 200, 20, early::add);
        assertThat(early).isEmpty();
    }

    /** The orders of {@link PhoneSort}, in Java. */
    private static java.util.Comparator<PhoneFunnel> apiOrder(PhoneSort sort) {
        java.util.Comparator<PhoneFunnel> byPhone = java.util.Comparator.comparing(PhoneFunnel::phone);
        java.util.Comparator<PhoneFunnel> byMessages = java.util.Comparator
                .comparingLong((PhoneFunnel p) -> p.counts().messages()).reversed();
        return switch (sort) {
            case MESSAGES -> byMessages.thenComparing(byPhone);
            case READ_RATE -> java.util.Comparator.comparingDouble((PhoneFunnel p) -> p.counts().delivered() == 0 ? -1.0
                    : (double) p.counts().read() / p.counts().delivered()).reversed().thenComparing(byMessages)
                    .thenComparing(byPhone);
            case FAILED -> java.util.Comparator.comparingLong((PhoneFunnel p) -> p.counts().failed()).reversed()
                    .thenComparing(byMessages).thenComparing(byPhone);
            case LAST_ACTIVITY -> java.util.Comparator.comparingLong(PhoneFunnel::lastActivity).reversed()
                    .thenComparing(byPhone);
            case PHONE -> byPhone;
        };
    }

    @Test
    void theTablesColumnsAreTheFiguresJavaAddsUp() throws Exception {
        JdbcStatusStore store = open(create(Backend.H2, "store"), 2);
        for (String table : List.of("PHONE_TOTALS", "PHONE_DELTAS")) {
            List<String> columns = new ArrayList<>();
            try (Connection c = store.dataSource().getConnection();
                 ResultSet rs = c.getMetaData().getColumns(null, null, table, null)) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            List<String> expected = new ArrayList<>(List.of("phone"));
            expected.addAll(PhoneTotals.COLUMNS);
            assertThat(columns).as(table).containsExactlyElementsOf(expected);
        }
    }

    private static long count(JdbcStatusStore store, String tableAndCondition) throws SQLException {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + tableAndCondition);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
