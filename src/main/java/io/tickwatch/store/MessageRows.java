package io.tickwatch.store;

import io.tickwatch.model.MessageState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * The one mapping between {@link MessageState} and a {@code messages} row, both directions, and of
 * {@link EventRow} to a {@code status_events} row.
 */
final class MessageRows {

    static final String SELECT_COLUMNS = "m.id, m.phone, m.phone_at, m.sent_at, m.delivered_at, m.delivered_real, "
            + "m.read_at, m.failed_at, m.error_code, m.error_title, m.error_at, m.status_rank, m.first_at, "
            + "m.first_received, m.last_received, m.seq";

    private MessageRows() {
    }

    /** The stored states of these ids (those that exist), read with bounded IN lists on {@code c}. */
    static List<MessageState> readStates(Connection c, List<String> ids) throws SQLException {
        List<MessageState> result = new ArrayList<>(ids.size());
        // bounded IN lists: both engines take them, and a plan per size stays cached
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
            try (PreparedStatement ps = c.prepareStatement("SELECT " + SELECT_COLUMNS
                    + " FROM messages m WHERE m.id IN (" + MergeSql.placeholders(chunk.size()) + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        result.add(read(rs));
                    }
                }
            }
        }
        return result;
    }

    private static final int IN_LIST = 500;

    static MessageState read(ResultSet rs) throws SQLException {
        return new MessageState(rs.getString("id"), rs.getString("phone"), nullableLong(rs, "phone_at"),
                nullableLong(rs, "sent_at"), nullableLong(rs, "delivered_at"), rs.getBoolean("delivered_real"),
                nullableLong(rs, "read_at"), nullableLong(rs, "failed_at"),
                nullableInt(rs, "error_code"), rs.getString("error_title"), nullableLong(rs, "error_at"),
                rs.getInt("status_rank"), rs.getLong("first_at"), rs.getLong("first_received"),
                rs.getLong("last_received"));
    }

    /** Binds in the order of {@link MergeSql#MESSAGE_COLUMNS}. */
    static void bind(PreparedStatement ps, MessageState s) throws SQLException {
        ps.setString(1, s.id());
        bindValues(ps, 2, s);
    }

    /** Binds every column after the id (in that order), then the id: {@code UPDATE … SET …, … WHERE id = ?}. */
    static void bindUpdate(PreparedStatement ps, MessageState s) throws SQLException {
        ps.setString(bindValues(ps, 1, s), s.id());
    }

    /** Binds the columns after the id from parameter {@code i} on; returns the next parameter's index. */
    private static int bindValues(PreparedStatement ps, int i, MessageState s) throws SQLException {
        ps.setString(i++, s.phone());
        setLong(ps, i++, s.phoneAt());
        setLong(ps, i++, s.sent());
        setLong(ps, i++, s.delivered());
        ps.setBoolean(i++, s.deliveredReal());
        setLong(ps, i++, s.read());
        setLong(ps, i++, s.failed());
        if (s.errorCode() == null) {
            ps.setNull(i++, Types.INTEGER);
        } else {
            ps.setInt(i++, s.errorCode());
        }
        ps.setString(i++, s.errorTitle());
        setLong(ps, i++, s.errorAt());
        ps.setShort(i++, (short) s.statusRank());
        ps.setLong(i++, s.firstAt());
        ps.setLong(i++, s.firstReceived());
        ps.setLong(i++, s.lastReceived());
        return i;
    }

    /** Binds a history row in the order of {@link MergeSql#EVENT_COLUMNS}. */
    static void bind(PreparedStatement ps, EventRow e) throws SQLException {
        ps.setString(1, e.messageId());
        ps.setString(2, e.status());
        ps.setLong(3, e.observedAt());
        ps.setLong(4, e.receivedAt());
        ps.setInt(5, e.seen());
        ps.setObject(6, e.requestId());
    }

    static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
