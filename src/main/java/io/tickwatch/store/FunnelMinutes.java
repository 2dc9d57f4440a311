package io.tickwatch.store;

import io.tickwatch.model.MessageState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The maintained per-minute funnel (sql/common/V2__funnel_minutes.sql): what one message adds to the
 * minute of its earliest provider time, and how a range of minutes is read back. A figure vector holds
 * {@code messages, sent, delivered, read_count, failed}, then the delivered−sent histogram, then the
 * read−sent histogram, in the order of {@link #COLUMNS}.
 */
final class FunnelMinutes {

    static final long MINUTE = 60_000;
    static final long HOUR = 3_600_000;
    /** Upper bounds (exclusive, ms) of the latency buckets; the last bucket is open. Mirrored by the SQL. */
    static final long[] BOUNDS = {250, 500, 1_000, 2_000, 3_000, 5_000, 7_500, 10_000, 15_000, 20_000, 30_000,
            45_000, 60_000, 90_000, 120_000, 180_000, 300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000,
            21_600_000, 43_200_000, 86_400_000};
    static final int BUCKETS = BOUNDS.length + 1;
    static final int MESSAGES = 0;
    static final int SENT = 1;
    static final int DELIVERED = 2;
    static final int READ = 3;
    static final int FAILED = 4;
    static final int DELIVER_HISTOGRAM = 5;
    static final int READ_HISTOGRAM = DELIVER_HISTOGRAM + BUCKETS;
    static final int WIDTH = READ_HISTOGRAM + BUCKETS;
    static final List<String> COLUMNS = columns();
    private static final String COLUMN_LIST = String.join(", ", COLUMNS);
    private static final Map<Dialect, String> UPSERT_MINUTES = Dialect.once(d -> upsertSql(d, "funnel_minutes", "minute_start"));
    private static final Map<Dialect, String> UPSERT_HOURS = Dialect.once(d -> upsertSql(d, "funnel_hours", "hour_start"));

    private FunnelMinutes() {
    }

    private static List<String> columns() {
        List<String> c = new ArrayList<>(List.of("messages", "sent", "delivered", "read_count", "failed"));
        for (int i = 0; i < BUCKETS; i++) {
            c.add("d" + i);
        }
        for (int i = 0; i < BUCKETS; i++) {
            c.add("r" + i);
        }
        return Collections.unmodifiableList(c);
    }

    /** Every figure column written as {@code pattern} ({@code %1$s} is the column), comma-separated. */
    private static String each(String pattern) {
        return COLUMNS.stream().map(col -> String.format(pattern, col)).collect(java.util.stream.Collectors.joining(", "));
    }

    static long minuteOf(long millis) {
        return Math.floorDiv(millis, MINUTE) * MINUTE;
    }

    static int bucketOf(long latencyMillis) {
        for (int i = 0; i < BOUNDS.length; i++) {
            if (latencyMillis < BOUNDS[i]) {
                return i;
            }
        }
        return BOUNDS.length;
    }

    /** Adds {@code sign} times what message {@code s} counts to {@code figures}. */
    static void add(long[] figures, MessageState s, int sign) {
        add(figures, s.sent(), s.delivered(), s.read(), s.failed(), sign);
    }

    static void add(long[] figures, Long sent, Long delivered, Long read, Long failed, int sign) {
        figures[MESSAGES] += sign;
        if (sent != null || delivered != null) {
            figures[SENT] += sign;
        }
        if (delivered != null) {
            figures[DELIVERED] += sign;
        }
        if (read != null) {
            figures[READ] += sign;
        }
        if (failed != null) {
            figures[FAILED] += sign;
        }
        if (sent != null && delivered != null) {
            figures[DELIVER_HISTOGRAM + bucketOf(delivered - sent)] += sign;
        }
        if (sent != null && read != null) {
            figures[READ_HISTOGRAM + bucketOf(read - sent)] += sign;
        }
    }

    /**
     * The figures of the messages whose earliest provider time is in [since, until) (null: unbounded): whole
     * minutes from the maintained rows, the partial minutes at either end counted exactly from the messages
     * table (an index range of at most two minutes), so the result equals a full count.
     */
    static long[] figures(Connection c, Long since, Long until) throws SQLException {
        long[] figures = new long[WIDTH];
        Long from = since == null ? null : ceil(since, MINUTE);
        Long to = until == null ? null : minuteOf(until);
        if (from != null && to != null && from >= to) {
            countExactly(c, figures, since, until);
            return figures;
        }
        if (from != null && from > since) {
            countExactly(c, figures, since, from);
        }
        if (to != null && to < until) {
            countExactly(c, figures, to, until);
        }
        long[] whole = sum(c, from == null ? Long.MIN_VALUE : from, to);
        for (int i = 0; i < WIDTH; i++) {
            figures[i] += whole[i];
        }
        return figures;
    }

    private static long ceil(long millis, long unit) {
        return -Math.floorDiv(-millis, unit) * unit;
    }

    private static void countExactly(Connection c, long[] figures, long since, long until) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT m.sent_at, m.delivered_at, m.read_at, m.failed_at "
                + "FROM messages m WHERE m.first_at >= ? AND m.first_at < ?")) {
            ps.setLong(1, since);
            ps.setLong(2, until);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    add(figures, MessageRows.nullableLong(rs, "sent_at"), MessageRows.nullableLong(rs, "delivered_at"),
                            MessageRows.nullableLong(rs, "read_at"), MessageRows.nullableLong(rs, "failed_at"), 1);
                }
            }
        }
    }

    static FunnelCounts funnel(long[] figures) {
        return new FunnelCounts(figures[MESSAGES], figures[SENT], figures[DELIVERED], figures[READ], figures[FAILED]);
    }

    /** Messages with a deliver (offset {@link #DELIVER_HISTOGRAM}) or read latency in the figures. */
    static long histogramTotal(long[] figures, int offset) {
        long n = 0;
        for (int i = 0; i < BUCKETS; i++) {
            n += figures[offset + i];
        }
        return n;
    }

    /**
     * The p-quantile estimated from a histogram (offset into the figures): the bucket holding the
     * PERCENTILE_DISC rank, interpolated linearly inside it; null when the histogram is empty. Off by at
     * most the bucket's width (a third to a half of its lower bound).
     */
    static Long percentile(long[] figures, int offset, double p) {
        long n = histogramTotal(figures, offset);
        if (n == 0) {
            return null;
        }
        long rank = Math.max(1, (long) Math.ceil(p * n));
        long before = 0;
        for (int i = 0; i < BUCKETS; i++) {
            long in = figures[offset + i];
            if (before + in >= rank) {
                long lower = i == 0 ? 0 : BOUNDS[i - 1];
                long upper = i < BOUNDS.length ? BOUNDS[i] : 2 * BOUNDS[BOUNDS.length - 1];
                return lower + Math.round((upper - lower) * ((rank - before) - 0.5) / in);
            }
            before += in;
        }
        throw new IllegalStateException("rank beyond the histogram");
    }

    /** The fine histogram (offset) summed into the dashboard's coarser {@link LatencyStats#BUCKETS}. */
    static List<Long> coarse(long[] figures, int offset) {
        List<Long> result = new ArrayList<>();
        int fine = 0;
        for (long upper : LatencyStats.BUCKETS) {
            long n = 0;
            while (fine < BUCKETS && (fine == BOUNDS.length ? Long.MAX_VALUE : BOUNDS[fine]) <= upper) {
                n += figures[offset + fine];
                fine++;
            }
            result.add(n);
        }
        return result;
    }

    /** Per minute, the change from {@code before} (null: the message is new) to {@code after}. */
    static void addChange(Map<Long, long[]> deltas, MessageState before, MessageState after) {
        if (before != null) {
            add(deltas.computeIfAbsent(minuteOf(before.firstAt()), m -> new long[WIDTH]), before, -1);
        }
        add(deltas.computeIfAbsent(minuteOf(after.firstAt()), m -> new long[WIDTH]), after, 1);
    }

    static boolean isZero(long[] figures) {
        for (long f : figures) {
            if (f != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds the non-zero per-minute deltas to funnel_minutes and, summed per hour, to funnel_hours, each in
     * key order (one writer per H2 file: no contention).
     */
    static void apply(Connection c, Dialect dialect, Map<Long, long[]> deltas) throws SQLException {
        Map<Long, long[]> minutes = new TreeMap<>();
        Map<Long, long[]> hours = new TreeMap<>();
        for (Map.Entry<Long, long[]> e : deltas.entrySet()) {
            if (isZero(e.getValue())) {
                continue;
            }
            minutes.put(e.getKey(), e.getValue());
            long[] hour = hours.computeIfAbsent(Math.floorDiv(e.getKey(), HOUR) * HOUR, h -> new long[WIDTH]);
            for (int k = 0; k < WIDTH; k++) {
                hour[k] += e.getValue()[k];
            }
        }
        upsert(c, UPSERT_MINUTES.get(dialect), minutes);
        upsert(c, UPSERT_HOURS.get(dialect), hours);
    }

    /** Adds a row of figures to the row of the same key (or inserts it). */
    private static String upsertSql(Dialect dialect, String table, String key) {
        List<String> cols = new ArrayList<>();
        cols.add(key);
        cols.addAll(COLUMNS);
        List<String> types = Collections.nCopies(cols.size(), "BIGINT");
        String set = each("%1$s = f.%1$s + " + dialect.newRowAlias() + ".%1$s");
        return dialect.upsert(table, "f", cols, types, key, set);
    }

    private static void upsert(Connection c, String sql, Map<Long, long[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Map.Entry<Long, long[]> e : rows.entrySet()) {
                ps.setLong(1, e.getKey());
                for (int i = 0; i < WIDTH; i++) {
                    ps.setLong(i + 2, e.getValue()[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * PostgreSQL: moves every pending delta into funnel_minutes and, summed per hour, funnel_hours. The
     * caller holds the compaction lock ({@link DeltaCompaction}), so no other fold runs at the same time.
     */
    static void fold(Connection c) throws SQLException {
        String sums = ", " + each("SUM(%1$s)");
        String set = each("%1$s = f.%1$s + EXCLUDED.%1$s");
        String hour = "(minute_start / " + HOUR + ") * " + HOUR;
        String sql = "WITH moved AS (DELETE FROM funnel_deltas RETURNING *), "
                + "minutes AS (INSERT INTO funnel_minutes AS f (minute_start, " + COLUMN_LIST + ") "
                + "SELECT minute_start" + sums + " FROM moved GROUP BY minute_start ORDER BY minute_start "
                + "ON CONFLICT (minute_start) DO UPDATE SET " + set + " RETURNING 1) "
                + "INSERT INTO funnel_hours AS f (hour_start, " + COLUMN_LIST + ") "
                + "SELECT " + hour + sums + " FROM moved GROUP BY " + hour + " ORDER BY 1 "
                + "ON CONFLICT (hour_start) DO UPDATE SET " + set;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }

    /**
     * Counts funnel_minutes again from the messages table (and drops pending deltas): for rows written
     * around the store, e.g. a benchmark's million messages inserted by SQL. The same figures as
     * V2__funnel_minutes.sql, with the bucket conditions built from {@link #BOUNDS}.
     */
    static void recount(Connection c) throws SQLException {
        StringBuilder sums = new StringBuilder("COUNT(*), ")
                .append("SUM(CASE WHEN m.sent_at IS NOT NULL OR m.delivered_at IS NOT NULL THEN 1 ELSE 0 END), ")
                .append("SUM(CASE WHEN m.delivered_at IS NOT NULL THEN 1 ELSE 0 END), ")
                .append("SUM(CASE WHEN m.read_at IS NOT NULL THEN 1 ELSE 0 END), ")
                .append("SUM(CASE WHEN m.failed_at IS NOT NULL THEN 1 ELSE 0 END)");
        for (String end : List.of("m.delivered_at", "m.read_at")) {
            String delta = end + " - m.sent_at";
            for (int i = 0; i < BUCKETS; i++) {
                String range = i == 0 ? delta + " < " + BOUNDS[0]
                        : i == BOUNDS.length ? delta + " >= " + BOUNDS[i - 1]
                        : delta + " >= " + BOUNDS[i - 1] + " AND " + delta + " < " + BOUNDS[i];
                sums.append(", SUM(CASE WHEN m.sent_at IS NOT NULL AND ").append(end).append(" IS NOT NULL AND ")
                        .append(range).append(" THEN 1 ELSE 0 END)");
            }
        }
        for (String table : List.of("funnel_deltas", "funnel_minutes", "funnel_hours")) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table)) {
                ps.executeUpdate();
            }
        }
        String minute = "(m.first_at / " + MINUTE + ") * " + MINUTE;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO funnel_minutes (minute_start, "
                + COLUMN_LIST + ") SELECT " + minute + ", " + sums + " FROM messages m GROUP BY " + minute)) {
            ps.executeUpdate();
        }
        String hour = "(minute_start / " + HOUR + ") * " + HOUR;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO funnel_hours (hour_start, "
                + COLUMN_LIST + ") SELECT " + hour + ", " + each("SUM(%1$s)") + " FROM funnel_minutes GROUP BY " + hour)) {
            ps.executeUpdate();
        }
    }

    /**
     * Sum of the maintained figures over the whole minutes in [fromMinute, toMinute) (toMinute null: no end):
     * whole hours from funnel_hours, the minutes before the first and after the last whole hour from
     * funnel_minutes, and PostgreSQL's not yet compacted deltas (per minute) over the whole range.
     */
    static long[] sum(Connection c, long fromMinute, Long toMinute) throws SQLException {
        long fromHour = fromMinute == Long.MIN_VALUE ? Long.MIN_VALUE : ceil(fromMinute, HOUR);
        Long toHour = toMinute == null ? null : Math.floorDiv(toMinute, HOUR) * HOUR;
        String cols = COLUMN_LIST;
        String sums = each("COALESCE(SUM(%1$s), 0)");
        List<String> parts = new ArrayList<>();
        List<Long> params = new ArrayList<>();
        if (toHour == null || fromHour < toHour) {
            parts.add("SELECT " + cols + " FROM funnel_hours WHERE hour_start >= ?" + (toHour == null ? "" : " AND hour_start < ?"));
            params.add(fromHour);
            if (toHour != null) {
                params.add(toHour);
            }
            if (fromMinute < fromHour) {
                parts.add("SELECT " + cols + " FROM funnel_minutes WHERE minute_start >= ? AND minute_start < ?");
                params.add(fromMinute);
                params.add(fromHour);
            }
            if (toHour != null && toHour < toMinute) {
                parts.add("SELECT " + cols + " FROM funnel_minutes WHERE minute_start >= ? AND minute_start < ?");
                params.add(toHour);
                params.add(toMinute);
            }
        } else {
            parts.add("SELECT " + cols + " FROM funnel_minutes WHERE minute_start >= ? AND minute_start < ?");
            params.add(fromMinute);
            params.add(toMinute);
        }
        parts.add("SELECT " + cols + " FROM funnel_deltas WHERE minute_start >= ?" + (toMinute == null ? "" : " AND minute_start < ?"));
        params.add(fromMinute);
        if (toMinute != null) {
            params.add(toMinute);
        }
        String sql = "SELECT " + sums + " FROM (" + String.join(" UNION ALL ", parts) + ") f";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setLong(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long[] figures = new long[WIDTH];
                for (int k = 0; k < WIDTH; k++) {
                    figures[k] = rs.getLong(k + 1);
                }
                return figures;
            }
        }
    }
}
