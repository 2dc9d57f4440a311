package io.tickwatch.store;

import io.tickwatch.model.MessageState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * {@link DashboardQueries} in SQL that H2 and PostgreSQL both understand (ordered-set percentiles,
 * integer division, NULLS LAST). Sort orders and bucket sizes are fixed fragments or numbers computed
 * here; user text only ever reaches a bound parameter. Thread-safe: each call borrows a pooled connection.
 */
public final class JdbcDashboardQueries implements DashboardQueries {

    private final DataSource dataSource;
    private final QualityQueries quality;
    private final PhoneQueries phones;

    JdbcDashboardQueries(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.quality = new QualityQueries(dataSource);
        this.phones = new PhoneQueries(dataSource, dialect);
    }

    /** The dashboard queries over the same pool as the store. */
    public static DashboardQueries over(JdbcStatusStore store) {
        return new JdbcDashboardQueries(store.dataSource(), store.dialect());
    }

    @Override
    public LatencyStats latency(Long since, Long until) {
        try (Connection c = dataSource.getConnection()) {
            long[] figures = FunnelMinutes.figures(c, since, until);
            if (Math.max(FunnelMinutes.histogramTotal(figures, FunnelMinutes.DELIVER_HISTOGRAM),
                    FunnelMinutes.histogramTotal(figures, FunnelMinutes.READ_HISTOGRAM)) > EXACT_PERCENTILES_UP_TO) {
                return estimated(figures);
            }
            long[] deliver = percentilesAndHistogram(c, "m.delivered_at - m.sent_at", "m.delivered_at", since, until);
            long[] read = percentilesAndHistogram(c, "m.read_at - m.sent_at", "m.read_at", since, until);
            return new LatencyStats(nullIfAbsent(deliver, 0), nullIfAbsent(deliver, 1), nullIfAbsent(read, 0),
                    nullIfAbsent(read, 1), histogram(deliver), histogram(read));
        } catch (SQLException e) {
            throw new StoreException("could not compute latencies", e);
        }
    }

    /**
     * Up to this many latencies the percentiles are computed exactly (a sort of that many values: a few
     * milliseconds); above, they are estimated from the maintained histograms, which costs the same at
     * a million messages as at a thousand.
     */
    static final long EXACT_PERCENTILES_UP_TO = 20_000;

    private static LatencyStats estimated(long[] f) {
        int d = FunnelMinutes.DELIVER_HISTOGRAM;
        int r = FunnelMinutes.READ_HISTOGRAM;
        return new LatencyStats(FunnelMinutes.percentile(f, d, 0.5), FunnelMinutes.percentile(f, d, 0.9),
                FunnelMinutes.percentile(f, r, 0.5), FunnelMinutes.percentile(f, r, 0.9),
                FunnelMinutes.coarse(f, d), FunnelMinutes.coarse(f, r));
    }

    /** [median, p90, present?, bucket counts…] of {@code delta} over messages having sent and {@code end}. */
    private static long[] percentilesAndHistogram(Connection c, String delta, String end, Long since, Long until)
            throws SQLException {
        SqlFilter filter = SqlFilter.forMessages(null, null, null, since, until);
        filter.and("m.sent_at IS NOT NULL");
        filter.and(end + " IS NOT NULL");
        StringBuilder sql = new StringBuilder("SELECT COUNT(*), PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY ")
                .append(delta).append("), PERCENTILE_DISC(0.9) WITHIN GROUP (ORDER BY ").append(delta).append(')');
        long lower = Long.MIN_VALUE;
        for (long upper : LatencyStats.BUCKETS) {
            sql.append(", COALESCE(SUM(CASE WHEN ");
            sql.append(upper == Long.MAX_VALUE ? delta + " >= " + lower
                    : lower == Long.MIN_VALUE ? delta + " < " + upper
                    : delta + " >= " + lower + " AND " + delta + " < " + upper);
            sql.append(" THEN 1 ELSE 0 END), 0)");
            lower = upper;
        }
        sql.append(" FROM messages m").append(filter.where());
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            filter.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                int buckets = LatencyStats.BUCKETS.size();
                long[] result = new long[3 + buckets];
                long count = rs.getLong(1);
                result[2] = count > 0 ? 1 : 0;
                result[0] = count > 0 ? rs.getLong(2) : 0;
                result[1] = count > 0 ? rs.getLong(3) : 0;
                for (int i = 0; i < buckets; i++) {
                    result[3 + i] = rs.getLong(4 + i);
                }
                return result;
            }
        }
    }

    private static Long nullIfAbsent(long[] stats, int index) {
        return stats[2] == 0 ? null : stats[index];
    }

    private static List<Long> histogram(long[] stats) {
        List<Long> h = new ArrayList<>();
        for (int i = 3; i < stats.length; i++) {
            h.add(stats[i]);
        }
        return h;
    }

    @Override
    public List<ThroughputBucket> throughput(long since, long until, long bucketMillis) {
        if (bucketMillis <= 0) {
            throw new IllegalArgumentException("bucketMillis must be positive");
        }
        // From the maintained counts (sql/common/V3__status_counts.sql): buckets are multiples of their grain.
        // The bucket size is a number we computed, inlined so that both engines see one GROUP BY expression.
        long grain = StatusCounts.grainFor(bucketMillis);
        if (since % grain != 0) {
            throw new IllegalArgumentException("a throughput chart starts on a multiple of " + grain + " ms, not " + since);
        }
        String bucket = "(s.bucket_start - " + since + ") / " + bucketMillis;
        String sql = "SELECT " + bucket + " AS b, s.status, SUM(s.events) FROM status_counts s "
                + "WHERE s.grain_ms = ? AND s.bucket_start >= ? AND s.bucket_start < ? "
                + "GROUP BY " + bucket + ", s.status ORDER BY b";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, grain);
            ps.setLong(2, since);
            ps.setLong(3, until);
            List<ThroughputBucket> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new ThroughputBucket(since + rs.getLong(1) * bucketMillis, rs.getString(2),
                            rs.getLong(3)));
                }
            }
            return result;
        } catch (SQLException e) {
            throw new StoreException("could not count throughput", e);
        }
    }

    @Override
    public Optional<Long> earliestMessage() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT MIN(first_at) FROM messages");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            long v = rs.getLong(1);
            return rs.wasNull() ? Optional.empty() : Optional.of(v);
        } catch (SQLException e) {
            throw new StoreException("could not read the earliest message", e);
        }
    }

    @Override
    public MessageTablePage messages(MessageFilter f, MessageSort sort, boolean descending, int offset, int limit) {
        if (limit < 1 || limit > MessageQuery.MAX_LIMIT || offset < 0) {
            throw new IllegalArgumentException("bad page: offset " + offset + ", limit " + limit);
        }
        SqlFilter filter = SqlFilter.forMessages(f.text(), f.phone(), f.status(), f.since(), f.until());
        String direction = descending ? " DESC" : " ASC";
        String order = sort.column + direction + " NULLS LAST"
                + (sort == MessageSort.ARRIVAL ? "" : ", m.seq" + direction);
        String sql = "SELECT " + MessageRows.SELECT_COLUMNS + " FROM messages m" + filter.where()
                + " ORDER BY " + order + " LIMIT " + limit + " OFFSET " + offset;
        try (Connection c = dataSource.getConnection()) {
            List<MessageState> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                filter.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(MessageRows.read(rs));
                    }
                }
            }
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM messages m" + filter.where())) {
                filter.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            return new MessageTablePage(rows, total, offset);
        } catch (SQLException e) {
            throw new StoreException("could not list messages", e);
        }
    }

    @Override
    public Optional<MessageDetail> detail(String id) {
        try (Connection c = dataSource.getConnection()) {
            MessageState state;
            try (PreparedStatement ps = c.prepareStatement("SELECT " + MessageRows.SELECT_COLUMNS
                    + " FROM messages m WHERE m.id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    state = MessageRows.read(rs);
                }
            }
            List<MessageDetail.Observation> timeline = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT status, observed_at, received_at, seen, request_id "
                    + "FROM status_events WHERE message_id = ? ORDER BY observed_at, received_at, status")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        timeline.add(new MessageDetail.Observation(rs.getString(1), rs.getLong(2), rs.getLong(3),
                                rs.getInt(4), rs.getObject(5, UUID.class)));
                    }
                }
            }
            return Optional.of(new MessageDetail(state, timeline, bodies(c, timeline)));
        } catch (SQLException e) {
            throw new StoreException("could not read the message detail", e);
        }
    }

    private static Map<UUID, String> bodies(Connection c, List<MessageDetail.Observation> timeline) throws SQLException {
        Set<UUID> ids = new LinkedHashSet<>();
        timeline.forEach(o -> ids.add(o.requestId()));
        Map<UUID, String> bodies = new HashMap<>();
        if (ids.isEmpty()) {
            return bodies;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id, body FROM webhook_requests WHERE id IN ("
                + MergeSql.placeholders(ids.size()) + ")")) {
            int i = 1;
            for (UUID id : ids) {
                ps.setObject(i++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    bodies.put(rs.getObject(1, UUID.class), rs.getString(2));
                }
            }
        }
        return bodies;
    }

    @Override
    public List<PhoneRow> phones(Long since, Long until, PhoneColumn sort, boolean descending, int limit) {
        return phones.phones(since, until, sort, descending, limit, 0, page -> { });
    }

    @Override
    public List<PhoneRow> phones(Long since, Long until, PhoneColumn sort, boolean descending, int limit, int head,
                                 Consumer<List<PhoneRow>> early) {
        return phones.phones(since, until, sort, descending, limit, head, early);
    }

    @Override
    public void eachPhone(Long since, Long until, PhoneColumn sort, boolean descending, Consumer<PhoneRow> each) {
        phones.eachPhone(since, until, sort, descending, each);
    }

    @Override
    public MessageExportPage messagesAfter(MessageFilter filter, MessageSort sort, boolean descending,
                                           MessageCursor after, int limit) {
        if (limit < 1 || limit > MessageQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("bad page size " + limit);
        }
        try (Connection c = dataSource.getConnection()) {
            return MessageKeyset.page(c, filter, sort, descending, after, limit);
        } catch (SQLException e) {
            throw new StoreException("could not read messages for the export", e);
        }
    }

    @Override
    public AlertFigures alertFigures(AlertFigures.Windows windows) {
        return quality.alertFigures(windows);
    }

    @Override
    public DataQuality dataQuality(Long since) {
        return quality.dataQuality(since);
    }

    @Override
    public List<FailureReason> failureReasons(Long since, String phone, int limit) {
        return quality.failureReasons(since, phone, limit);
    }
}
