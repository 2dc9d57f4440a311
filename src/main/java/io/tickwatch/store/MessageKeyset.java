package io.tickwatch.store;

import io.tickwatch.model.MessageState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads every message matching a filter page by page in the messages table's order (sort column with
 * NULLS LAST, then arrival), each page starting strictly after the previous page's last row (keyset
 * paging). Unlike OFFSET, a page deep into a million rows costs what the first one costs, and rows
 * arriving meanwhile cannot shift the pages. Fixed SQL fragments only; values are bound.
 */
final class MessageKeyset {

    private MessageKeyset() {
    }

    static MessageExportPage page(Connection c, MessageFilter f, MessageSort sort, boolean descending,
                                  MessageCursor after, int limit) throws SQLException {
        SqlFilter filter = SqlFilter.forMessages(f.text(), f.phone(), f.status(), f.since(), f.until());
        String op = descending ? "<" : ">";
        String col = sort.column;
        if (after != null) {
            if (sort == MessageSort.ARRIVAL) {
                filter.and("m.seq " + op + " ?", after.seq);
            } else if (after.sortValue == null) {
                // already among the rows without a value, which come last: only later arrivals of those remain
                filter.and("(" + col + " IS NULL AND m.seq " + op + " ?)", after.seq);
            } else {
                filter.and("(" + col + " " + op + " ? OR (" + col + " = ? AND m.seq " + op + " ?) OR " + col + " IS NULL)",
                        after.sortValue, after.sortValue, after.seq);
            }
        }
        String direction = descending ? " DESC" : " ASC";
        String order = sort == MessageSort.ARRIVAL ? "m.seq" + direction
                : col + direction + " NULLS LAST, m.seq" + direction;
        String sql = "SELECT " + MessageRows.SELECT_COLUMNS + " FROM messages m" + filter.where()
                + " ORDER BY " + order + " LIMIT " + limit;
        List<MessageState> rows = new ArrayList<>(limit);
        MessageCursor last = null;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            filter.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(MessageRows.read(rs));
                    last = new MessageCursor(sort == MessageSort.ARRIVAL ? null : rs.getObject(label(col)), rs.getLong("seq"));
                }
            }
        }
        return new MessageExportPage(rows, rows.size() < limit ? null : last);
    }

    /** "m.sent_at" → "sent_at": the column's name in the result. */
    private static String label(String column) {
        return column.substring(column.indexOf('.') + 1);
    }
}
