package io.tickwatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The SQL behind alerts, data quality and failure reasons ({@link DashboardQueries#alertFigures},
 * {@link DashboardQueries#dataQuality}, {@link DashboardQueries#failureReasons}), kept apart from the
 * funnel and table queries. Every time condition is a range on an indexed column: {@code messages.first_at},
 * {@code rejected_items.received_at}, {@code request_counts.minute_start} (its primary key's first column);
 * status events are reached through their primary key ({@code message_id} first). Thread-safe.
 */
final class QualityQueries {

    private static final long MINUTE = 60_000;

    /** Average time to deliver over the last hour: a range of one hour of messages. */
    private static final String RECENT_DELIVERIES = "SELECT COUNT(*), COALESCE(SUM(m.delivered_at - m.sent_at), 0) "
            + "FROM messages m WHERE m.first_at >= ? AND m.sent_at IS NOT NULL AND m.delivered_at IS NOT NULL";

    /**
     * Sent and nothing since: current status "sent" (rank 1) means sent, neither delivered, read nor failed.
     * sent_at &lt; before implies first_at &lt; before, which bounds the index range at both ends.
     */
    private static final String UNDELIVERED = "SELECT COUNT(*) FROM messages m WHERE m.first_at >= ? "
            + "AND m.first_at < ? AND m.status_rank = 1 AND m.sent_at < ?";

    /** An observation is out of order when one of the same message happened later but was received earlier. */
    private static final String OUT_OF_ORDER = "CASE WHEN EXISTS (SELECT 1 FROM status_events l "
            + "WHERE l.message_id = e.message_id AND l.observed_at > e.observed_at AND l.received_at < e.received_at) "
            + "THEN 1 ELSE 0 END";

    private final DataSource dataSource;

    QualityQueries(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The rates come from the per-minute funnel the store maintains ({@link FunnelMinutes}: whole minutes
     * summed, the partial ones at the ends counted exactly), so a day's read rate costs a few thousand small
     * rows, not a day of messages.
     */
    AlertFigures alertFigures(AlertFigures.Windows w) {
        try (Connection c = dataSource.getConnection()) {
            FunnelCounts recent = FunnelMinutes.funnel(FunnelMinutes.figures(c, w.recentSince(), null));
            FunnelCounts day = FunnelMinutes.funnel(FunnelMinutes.figures(c, w.readSince(), null));
            long timed;
            long deliveryMillis;
            try (PreparedStatement ps = c.prepareStatement(RECENT_DELIVERIES)) {
                ps.setLong(1, w.recentSince());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    timed = rs.getLong(1);
                    deliveryMillis = rs.getLong(2);
                }
            }
            long undelivered;
            try (PreparedStatement ps = c.prepareStatement(UNDELIVERED)) {
                ps.setLong(1, w.undeliveredSince());
                ps.setLong(2, w.undeliveredBefore());
                ps.setLong(3, w.undeliveredBefore());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    undelivered = rs.getLong(1);
                }
            }
            long refused = requestCount(c, "outcome <> '200'", minuteOf(w.refusedSince()));
            return new AlertFigures(recent.sent(), recent.delivered(), timed, deliveryMillis, day.delivered(), day.read(),
                    undelivered, refused);
        } catch (SQLException e) {
            throw new StoreException("could not count the alert figures", e);
        }
    }

    DataQuality dataQuality(Long since) {
        try (Connection c = dataSource.getConnection()) {
            long rejected = single(c, "SELECT COUNT(*) FROM rejected_items r"
                    + (since == null ? "" : " WHERE r.received_at >= ?"), since);
            String events = since == null ? " FROM status_events e"
                    : " FROM messages m JOIN status_events e ON e.message_id = m.id WHERE m.first_at >= ?";
            long duplicates;
            long outOfOrder;
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(e.seen - 1), 0), COALESCE(SUM("
                    + OUT_OF_ORDER + "), 0)" + events)) {
                if (since != null) {
                    ps.setLong(1, since);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    duplicates = rs.getLong(1);
                    outOfOrder = rs.getLong(2);
                }
            }
            long signatures = requestCount(c, "outcome = '401'", since == null ? null : minuteOf(since));
            return new DataQuality(rejected, duplicates, outOfOrder, signatures);
        } catch (SQLException e) {
            throw new StoreException("could not count the data-quality figures", e);
        }
    }

    List<FailureReason> failureReasons(Long since, String phone, int limit) {
        if (limit < 1 || limit > MessageQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("bad limit " + limit);
        }
        SqlFilter filter = SqlFilter.forMessages(null, phone, null, since, null);
        filter.and("m.failed_at IS NOT NULL");
        String sql = "SELECT m.error_code, m.error_title, COUNT(*) AS n, MAX(m.failed_at) FROM messages m"
                + filter.where() + " GROUP BY m.error_code, m.error_title "
                + "ORDER BY n DESC, m.error_code NULLS LAST, m.error_title NULLS LAST LIMIT " + limit;
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            filter.bind(ps);
            List<FailureReason> reasons = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int code = rs.getInt(1);
                    Integer errorCode = rs.wasNull() ? null : code;
                    reasons.add(new FailureReason(errorCode, rs.getString(2), rs.getLong(3), rs.getLong(4)));
                }
            }
            return reasons;
        } catch (SQLException e) {
            throw new StoreException("could not group the failures", e);
        }
    }

    /** Requests counted with an outcome matching {@code condition} in the minutes starting at or after {@code minuteSince}. */
    private static long requestCount(Connection c, String condition, Long minuteSince) throws SQLException {
        return single(c, "SELECT COALESCE(SUM(requests), 0) FROM request_counts WHERE " + condition
                + (minuteSince == null ? "" : " AND minute_start >= ?"), minuteSince);
    }

    /** The start of the minute holding {@code millis}: counts are kept per minute, so that minute is counted whole. */
    private static long minuteOf(long millis) {
        return Math.floorDiv(millis, MINUTE) * MINUTE;
    }

    private static long single(Connection c, String sql, Long param) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
                ps.setLong(1, param);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
