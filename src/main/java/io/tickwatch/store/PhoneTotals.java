package io.tickwatch.store;

import io.tickwatch.model.MessageState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The maintained per-phone figures (sql/common/V8__phone_totals.sql): what a message adds to its phone, how
 * the H2 writer applies a batch's change, how PostgreSQL's deltas are folded, and the current totals as a
 * subquery for readers. A figure vector holds {@code messages, sent, delivered, read_count, failed,
 * last_activity} in the order of {@link #COLUMNS}; the counts add up, last_activity takes the greatest.
 */
final class PhoneTotals {

    static final int MESSAGES = 0;
    static final int SENT = 1;
    static final int DELIVERED = 2;
    static final int READ = 3;
    static final int FAILED = 4;
    static final int LAST_ACTIVITY = 5;
    static final int WIDTH = 6;
    static final List<String> COLUMNS = List.of("messages", "sent", "delivered", "read_count", "failed",
            "last_activity");
    private static final String COLUMN_LIST = String.join(", ", COLUMNS);
    private static final List<String> COUNTS = COLUMNS.subList(0, LAST_ACTIVITY);
    private static final Map<Dialect, String> CURRENT = Dialect.once(PhoneTotals::currentSql);
    /** H2's writer: a delta added to a phone's row (parameters in the order of {@link #COLUMNS}, then the phone). */
    private static final String UPDATE = "UPDATE phone_totals SET "
            + COUNTS.stream().map(col -> col + " = " + col + " + ?").collect(Collectors.joining(", "))
            + ", last_activity = GREATEST(last_activity, ?) WHERE phone = ?";
    private static final String INSERT = "INSERT INTO phone_totals (phone, " + COLUMN_LIST + ") VALUES ("
            + MergeSql.placeholders(WIDTH + 1) + ")";

    private PhoneTotals() {
    }

    /**
     * Per phone, the change from {@code before} (null: the message is new) to {@code after}: a message that
     * changed phone is taken from the old one and added to the new one. The old side's last receipt goes in
     * too: it is no later than what its phone already holds, so it changes nothing there, and every delta
     * keeps a time.
     */
    static void addChange(Map<String, long[]> deltas, MessageState before, MessageState after) {
        if (before != null && before.phone() != null) {
            add(deltas.computeIfAbsent(before.phone(), p -> empty()), before, -1);
        }
        if (after.phone() != null) {
            add(deltas.computeIfAbsent(after.phone(), p -> empty()), after, 1);
        }
    }

    private static long[] empty() {
        long[] f = new long[WIDTH];
        f[LAST_ACTIVITY] = Long.MIN_VALUE;
        return f;
    }

    /** FORMATS.md §3.9, as {@link FunnelMinutes#add} and the SQL count it. */
    private static void add(long[] f, MessageState s, int sign) {
        f[MESSAGES] += sign;
        if (s.sent() != null || s.delivered() != null) {
            f[SENT] += sign;
        }
        if (s.delivered() != null) {
            f[DELIVERED] += sign;
        }
        if (s.read() != null) {
            f[READ] += sign;
        }
        if (s.failed() != null) {
            f[FAILED] += sign;
        }
        f[LAST_ACTIVITY] = Math.max(f[LAST_ACTIVITY], s.lastReceived());
    }

    /**
     * H2: adds the batch's per-phone change to phone_totals, in phone order (one writer per H2 file: no
     * contention). A delta whose counts are all zero still carries a later last receipt. Phones already
     * there (nearly all, once a store has seen its phones) are updated in one batch, then the new ones
     * inserted: cheaper than H2's MERGE … USING (store-only runs, commits of 32 statuses, 5,000 phones: the
     * writer thread's CPU per status about 10 µs less, noisy; the same allocation).
     */
    static void apply(Connection c, Map<String, long[]> deltas) throws SQLException {
        if (deltas.isEmpty()) {
            return;
        }
        List<Map.Entry<String, long[]>> ordered = new ArrayList<>(new TreeMap<>(deltas).entrySet());
        int[] updated;
        try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
            for (Map.Entry<String, long[]> e : ordered) {
                for (int i = 0; i < WIDTH; i++) {
                    ps.setLong(i + 1, e.getValue()[i]);
                }
                ps.setString(WIDTH + 1, e.getKey());
                ps.addBatch();
            }
            updated = ps.executeBatch();
        }
        List<Map.Entry<String, long[]>> missing = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                missing.add(ordered.get(i));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (Map.Entry<String, long[]> e : missing) {
                ps.setString(1, e.getKey());
                for (int i = 0; i < WIDTH; i++) {
                    ps.setLong(i + 2, e.getValue()[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The counts of {@code n} added to those of {@code t}, the later last activity kept. */
    private static String assignments(String t, String n) {
        return COUNTS.stream().map(col -> col + " = " + t + "." + col + " + " + n + "." + col)
                .collect(Collectors.joining(", "))
                + ", last_activity = GREATEST(" + t + ".last_activity, " + n + ".last_activity)";
    }

    /**
     * PostgreSQL: moves every pending delta into phone_totals, in phone order. The caller holds the
     * compaction lock ({@link DeltaCompaction}), so no other fold runs at the same time.
     */
    static void fold(Connection c) throws SQLException {
        String sql = "WITH moved AS (DELETE FROM phone_deltas RETURNING *) "
                + "INSERT INTO phone_totals AS t (phone, " + COLUMN_LIST + ") "
                + "SELECT phone, " + sums() + " FROM moved GROUP BY phone ORDER BY phone "
                + "ON CONFLICT (phone) DO UPDATE SET " + assignments("t", "EXCLUDED");
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }

    /**
     * The counts summed (as BIGINT, the stored type; PostgreSQL's SUM of a BIGINT is NUMERIC) and the greatest
     * last activity, in the order of {@link #COLUMNS}, each named as its column.
     */
    private static String sums() {
        return COUNTS.stream().map(col -> "CAST(SUM(" + col + ") AS BIGINT) AS " + col)
                .collect(Collectors.joining(", ")) + ", MAX(last_activity) AS last_activity";
    }

    /**
     * The current totals of every phone that has messages, as a subquery with the columns {@code phone} and
     * {@link #COLUMNS}. H2: the table (rows left at 0 messages by a phone change skipped). PostgreSQL: the
     * table plus the deltas not folded yet (a few thousand rows at most between two folds).
     */
    static String current(Dialect dialect) {
        return CURRENT.get(dialect);
    }

    private static String currentSql(Dialect dialect) {
        if (dialect == Dialect.H2) {
            return "SELECT phone, " + COLUMN_LIST + " FROM phone_totals WHERE messages > 0";
        }
        String each = "SELECT phone, " + COLUMN_LIST + " FROM ";
        return "SELECT phone, " + sums() + " FROM (" + each + "phone_totals UNION ALL " + each + "phone_deltas) d GROUP BY phone "
                + "HAVING SUM(messages) > 0";
    }

    /**
     * Counts phone_totals again from the messages table (and drops pending deltas): for rows written around
     * the store. The same figures as the initial count of the V8_1 migrations.
     */
    static void recount(Connection c) throws SQLException {
        for (String table : List.of("phone_deltas", "phone_totals")) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table)) {
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO phone_totals (phone, " + COLUMN_LIST + ") "
                + "SELECT m.phone, COUNT(*), "
                + "SUM(CASE WHEN m.sent_at IS NOT NULL OR m.delivered_at IS NOT NULL THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN m.delivered_at IS NOT NULL THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN m.read_at IS NOT NULL THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN m.failed_at IS NOT NULL THEN 1 ELSE 0 END), "
                + "MAX(m.last_received) FROM messages m WHERE m.phone IS NOT NULL GROUP BY m.phone")) {
            ps.executeUpdate();
        }
    }
}
