package io.tickwatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Reads the stored webhook requests (raw body, receive time) in the order they were received, for
 * {@code tickwatch capture}. Pages by (received_at, id), so a store of any size streams in constant memory.
 */
public final class StoredRequests {

    private static final int PAGE = 500;
    private static final String COLUMNS = "id, received_at, source, format, accepted, rejected, body";

    private final JdbcStatusStore store;

    public StoredRequests(JdbcStatusStore store) {
        this.store = store;
    }

    /**
     * Hands every request received at or after {@code sinceMillis} to {@code each}, oldest first.
     * @return how many there were
     */
    public long forEachSince(long sinceMillis, Consumer<RequestRow> each) {
        String first = "SELECT " + COLUMNS + " FROM webhook_requests WHERE received_at >= ? "
                + "ORDER BY received_at, id LIMIT " + PAGE;
        String next = "SELECT " + COLUMNS + " FROM webhook_requests WHERE received_at > ? OR (received_at = ? AND id > ?) "
                + "ORDER BY received_at, id LIMIT " + PAGE;
        long count = 0;
        RequestRow last = null;
        try (Connection c = store.dataSource().getConnection()) {
            while (true) {
                int rows = 0;
                try (PreparedStatement ps = c.prepareStatement(last == null ? first : next)) {
                    if (last == null) {
                        ps.setLong(1, sinceMillis);
                    } else {
                        ps.setLong(1, last.receivedAt());
                        ps.setLong(2, last.receivedAt());
                        ps.setObject(3, last.id());
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            last = new RequestRow(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3),
                                    rs.getString(4), rs.getInt(5), rs.getInt(6), rs.getString(7));
                            each.accept(last);
                            rows++;
                        }
                    }
                }
                count += rows;
                if (rows < PAGE) {
                    return count;
                }
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the stored webhook requests", e);
        }
    }
}
