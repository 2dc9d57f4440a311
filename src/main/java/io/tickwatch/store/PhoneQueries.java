package io.tickwatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The dashboard's phones table ({@link DashboardQueries#phones}, {@link DashboardQueries#eachPhone}).
 *
 * <p>A page of every message's phones (the range "All", or a range that starts at or before the earliest
 * message, so it holds every message too) is read from the maintained totals ({@link PhoneTotals}): the
 * page of phones sorted and limited there, then the exact median read delay of those phones only, from
 * their messages through the (phone, seq) index. That is what the view shows most and refreshes every 2 s
 * during live ingest; a GROUP BY over 1,000,000 messages took 2.0-3.3 s on H2.
 *
 * <p>Everything else groups the messages of the range: a range that starts after the earliest message (the
 * totals hold every message), a sort by median read delay (every phone's median is needed to find the
 * page, and the median cannot be maintained incrementally) and the CSV export of every phone. Thread-safe:
 * each call borrows a pooled connection.
 */
final class PhoneQueries {

    /** PostgreSQL: phones per median query, bounded IN lists as {@link MessageRows#readStates} uses. */
    private static final int IN_LIST = 500;

    private final DataSource dataSource;
    private final Dialect dialect;

    PhoneQueries(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
    }

    /** @param head, early see {@link DashboardQueries#phones(Long, Long, PhoneColumn, boolean, int, int, Consumer)} */
    List<PhoneRow> phones(Long since, Long until, PhoneColumn sort, boolean descending, int limit, int head,
                          Consumer<List<PhoneRow>> early) {
        List<PhoneRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            if (sort != PhoneColumn.MEDIAN_READ_DELAY && holdsEveryMessage(c, since, until)) {
                return fromTotals(c, sort, descending, limit, head, early);
            }
            groupMessages(c, since, until, sort, descending, " LIMIT " + limit, rows::add);
            return rows;
        } catch (SQLException e) {
            throw new StoreException("could not list phones", e);
        }
    }

    void eachPhone(Long since, Long until, PhoneColumn sort, boolean descending, Consumer<PhoneRow> each) {
        try (Connection c = dataSource.getConnection()) {
            // PostgreSQL streams a result (honours the fetch size) only inside a transaction
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                groupMessages(c, since, until, sort, descending, "", each);
            } finally {
                c.rollback(); // read only: nothing to keep
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException("could not read phones", e);
        }
    }

    /**
     * Whether [since, until) holds every message: no end, and no start or one at or before the earliest
     * provider time stored (an index lookup). A message stored with an earlier time just after this check
     * shows as if the range held it: the next refresh corrects it.
     */
    private static boolean holdsEveryMessage(Connection c, Long since, Long until) throws SQLException {
        if (until != null) {
            return false;
        }
        if (since == null) {
            return true;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(first_at) FROM messages");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            long earliest = rs.getLong(1);
            return rs.wasNull() || since <= earliest;
        }
    }

    /**
     * The page from phone_totals, then the exact medians of its phones: those of the first {@code head} rows
     * first, handed to {@code early} with the page (what a table shows at once; a new JVM on 1,000,000
     * messages counts the 500 medians in 0.7-0.8 s on H2), then the rest.
     */
    private List<PhoneRow> fromTotals(Connection c, PhoneColumn sort, boolean descending, int limit, int head,
                                      Consumer<List<PhoneRow>> early) throws SQLException {
        String sql = "SELECT p.phone, p.messages, p.delivered, p.read_count, p.last_activity FROM ("
                + PhoneTotals.current(dialect) + ") p ORDER BY " + sort.expression + (descending ? " DESC" : " ASC")
                + " NULLS LAST, p.phone LIMIT " + limit;
        List<String> phones = new ArrayList<>();
        List<long[]> figures = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                phones.add(rs.getString(1));
                figures.add(new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
            }
        }
        Map<String, Long> medians = new HashMap<>();
        if (head > 0 && head < phones.size()) {
            medians.putAll(medianReadDelays(c, phones.subList(0, head)));
            early.accept(rows(phones, figures, medians));
            medians.putAll(medianReadDelays(c, phones.subList(head, phones.size())));
        } else {
            medians.putAll(medianReadDelays(c, phones));
        }
        return rows(phones, figures, medians);
    }

    private static List<PhoneRow> rows(List<String> phones, List<long[]> figures, Map<String, Long> medians) {
        List<PhoneRow> rows = new ArrayList<>(phones.size());
        for (int i = 0; i < phones.size(); i++) {
            long[] f = figures.get(i);
            rows.add(new PhoneRow(phones.get(i), f[0], f[1], f[2], medians.get(phones.get(i)), f[3]));
        }
        return rows;
    }

    /**
     * The exact median of read − delivered (PERCENTILE_DISC, as the grouped query computes it) of each phone
     * that has a read message; absent for the others. Each engine in its faster form, measured with the
     * page of 500 phones of 1,000,000 messages over 5,000 phones (docs/dashboard.md): H2 one query per
     * phone (90-250 ms warm, 0.7-0.8 s in a new JVM; one grouped IN list took 450-540 ms and 1.2-1.3 s),
     * PostgreSQL IN lists (40-50 ms; one query per phone 95-155 ms, a round trip each).
     */
    private Map<String, Long> medianReadDelays(Connection c, List<String> phones) throws SQLException {
        return dialect == Dialect.H2 ? mediansPerPhone(c, phones) : mediansInLists(c, phones);
    }

    private static final String MEDIAN = "PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY m.read_at - m.delivered_at)";

    private static Map<String, Long> mediansPerPhone(Connection c, List<String> phones) throws SQLException {
        Map<String, Long> medians = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + MEDIAN
                + " FROM messages m WHERE m.phone = ? AND m.read_at IS NOT NULL")) {
            for (String phone : phones) {
                ps.setString(1, phone);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long median = rs.getLong(1);
                    if (!rs.wasNull()) {
                        medians.put(phone, median);
                    }
                }
            }
        }
        return medians;
    }

    private static Map<String, Long> mediansInLists(Connection c, List<String> phones) throws SQLException {
        Map<String, Long> medians = new HashMap<>();
        for (int from = 0; from < phones.size(); from += IN_LIST) {
            List<String> chunk = phones.subList(from, Math.min(phones.size(), from + IN_LIST));
            try (PreparedStatement ps = c.prepareStatement("SELECT m.phone, " + MEDIAN + " FROM messages m WHERE "
                    + "m.phone IN (" + MergeSql.placeholders(chunk.size()) + ") AND m.read_at IS NOT NULL GROUP BY m.phone")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        medians.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
        }
        return medians;
    }

    /** Per-phone figures grouped from the messages of the range (every phone's median, hence any sort). */
    private static void groupMessages(Connection c, Long since, Long until, PhoneColumn sort, boolean descending,
                                      String limit, Consumer<PhoneRow> each) throws SQLException {
        SqlFilter filter = SqlFilter.forMessages(null, null, null, since, until);
        filter.and("m.phone IS NOT NULL");
        String direction = descending ? " DESC" : " ASC";
        String sql = "SELECT p.phone, p.messages, p.delivered, p.read_count, p.median_read, p.last_activity FROM ("
                + "SELECT m.phone AS phone, COUNT(*) AS messages, "
                + "SUM(CASE WHEN m.delivered_at IS NOT NULL THEN 1 ELSE 0 END) AS delivered, "
                + "SUM(CASE WHEN m.read_at IS NOT NULL THEN 1 ELSE 0 END) AS read_count, "
                + "PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY m.read_at - m.delivered_at) AS median_read, "
                + "MAX(m.last_received) AS last_activity FROM messages m" + filter.where() + " GROUP BY m.phone) p "
                + "ORDER BY " + sort.expression + direction + " NULLS LAST, p.phone" + limit;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setFetchSize(500);
            filter.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    each.accept(new PhoneRow(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            MessageRows.nullableLong(rs, "median_read"), rs.getLong(6)));
                }
            }
        }
    }
}
