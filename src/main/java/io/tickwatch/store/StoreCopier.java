package io.tickwatch.store;

import io.tickwatch.model.MessageState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies everything one store holds into another (typically a local H2 file into PostgreSQL), page by page,
 * one transaction per page. Messages go through the same merging upsert as live traffic, so a target that
 * already has data ends with the merge of both; every other table is written idempotently (histories keep
 * the larger repeat count, requests and rejected items are inserted once, request counts keep the larger
 * count), so running the copy again changes nothing. Pages are read in key order (keyset paging), so the
 * source may be large.
 */
public final class StoreCopier {

    private static final Logger LOG = LoggerFactory.getLogger(StoreCopier.class);

    /** How far the copy has come in one table; {@code total} is the source's row count at the start. */
    public record Progress(String table, long done, long total) {
    }

    /** Rows read from the source, per table. */
    public record Summary(long messages, long events, long requests, long rejected, long requestCounts) {
    }

    private final JdbcStatusStore from;
    private final JdbcStatusStore to;
    private final int pageSize;
    private final Consumer<Progress> progress;

    public StoreCopier(JdbcStatusStore from, JdbcStatusStore to, int pageSize, Consumer<Progress> progress) {
        this.from = from;
        this.to = to;
        this.pageSize = pageSize;
        this.progress = progress;
    }

    public Summary copy() {
        try (Connection source = from.dataSource().getConnection()) {
            // one snapshot of the source for the whole copy, so the pages fit together even if it is written to
            source.setAutoCommit(false);
            source.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            source.setReadOnly(true);
            long messages = copyMessages(source);
            long requests = copyRequests(source);
            long rejected = copyRejected(source);
            long counts = copyRequestCounts(source);
            inTransaction(StatusCounts::recount);
            long events = count(source, "status_events");
            Summary summary = new Summary(messages, events, requests, rejected, counts);
            LOG.info("Copied {} into {}: {}", from.describe(), to.describe(), summary);
            return summary;
        } catch (SQLException e) {
            throw new StoreException("could not copy " + from.describe() + " into " + to.describe(), e);
        }
    }

    private long copyMessages(Connection source) throws SQLException {
        long total = count(source, "messages");
        long done = 0;
        String after = null;
        String page = "SELECT " + MessageRows.SELECT_COLUMNS + " FROM messages m WHERE m.id > ? ORDER BY m.id LIMIT "
                + pageSize;
        String first = "SELECT " + MessageRows.SELECT_COLUMNS + " FROM messages m ORDER BY m.id LIMIT " + pageSize;
        progress.accept(new Progress("messages", 0, total));
        while (true) {
            List<MessageState> states = new ArrayList<>();
            try (PreparedStatement ps = source.prepareStatement(after == null ? first : page)) {
                if (after != null) {
                    ps.setString(1, after);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        states.add(MessageRows.read(rs));
                    }
                }
            }
            if (states.isEmpty()) {
                return done;
            }
            List<EventRow> events = events(source, states);
            writeMessages(states, events);
            done += states.size();
            after = states.get(states.size() - 1).id();
            progress.accept(new Progress("messages", done, total));
        }
    }

    private static List<EventRow> events(Connection source, List<MessageState> states) throws SQLException {
        List<EventRow> rows = new ArrayList<>();
        try (PreparedStatement ps = source.prepareStatement("SELECT message_id, status, observed_at, received_at, seen, "
                + "request_id FROM status_events WHERE message_id IN (" + MergeSql.placeholders(states.size()) + ")")) {
            for (int i = 0; i < states.size(); i++) {
                ps.setString(i + 1, states.get(i).id());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new EventRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getInt(5),
                            rs.getObject(6, UUID.class)));
                }
            }
        }
        return rows;
    }

    private void writeMessages(List<MessageState> states, List<EventRow> events) throws SQLException {
        Dialect d = to.dialect();
        inTransaction(c -> {
            MessageUpsert.write(c, d, states);
            try (PreparedStatement ps = c.prepareStatement(d.copyEvents())) {
                for (EventRow e : events) {
                    MessageRows.bind(ps, e);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            if (d == Dialect.POSTGRESQL) {
                ChangeNotices.send(c, states.stream().map(MessageState::id).toList()); // dashboards hear of it
            }
        });
    }

    private long copyRequests(Connection source) throws SQLException {
        List<String> cols = List.of("id", "received_at", "source", "format", "accepted", "rejected", "body");
        String insert = to.dialect().insertIfAbsent("webhook_requests", cols,
                List.of("UUID", "BIGINT", "VARCHAR(64)", "VARCHAR(32)", "INTEGER", "INTEGER", "VARCHAR"), "id");
        return copyTable(source, "webhook_requests", "id", cols, insert);
    }

    /** Rejected items have no natural key but (request, index): insert those the target lacks. */
    private long copyRejected(Connection source) throws SQLException {
        List<String> cols = List.of("request_id", "item_index", "path", "reason", "raw_json", "received_at");
        String insert = "INSERT INTO rejected_items (" + MergeSql.columns(cols) + ") SELECT "
                + MergeSql.typedPlaceholders(List.of("UUID", "INTEGER", "VARCHAR(256)", "VARCHAR(1024)", "VARCHAR",
                "BIGINT")) + " WHERE NOT EXISTS (SELECT 1 FROM rejected_items r WHERE r.request_id = CAST(? AS UUID) "
                + "AND r.item_index = CAST(? AS INTEGER))";
        return copyTable(source, "rejected_items", "id", cols, insert, 1, 2);
    }

    private long copyRequestCounts(Connection source) throws SQLException {
        List<String> cols = List.of("minute_start", "outcome", "requests");
        return copyTable(source, "request_counts", "minute_start, outcome", cols, to.dialect().copyRequestCounts());
    }

    /**
     * Copies a table in pages ordered by {@code order}; offset paging is safe inside the source's snapshot.
     * {@code repeat} lists columns (1-based) bound again after the row.
     */
    private long copyTable(Connection source, String table, String order, List<String> cols, String insert,
                           int... repeat) throws SQLException {
        long total = count(source, table);
        long done = 0;
        progress.accept(new Progress(table, 0, total));
        while (true) {
            List<Object[]> rows = new ArrayList<>();
            try (Statement s = source.createStatement();
                 ResultSet rs = s.executeQuery("SELECT " + MergeSql.columns(cols) + " FROM " + table + " ORDER BY " + order
                         + " LIMIT " + pageSize + " OFFSET " + done)) {
                while (rs.next()) {
                    Object[] row = new Object[cols.size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
            if (rows.isEmpty()) {
                return done;
            }
            inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement(insert)) {
                    for (Object[] row : rows) {
                        for (int i = 0; i < row.length; i++) {
                            ps.setObject(i + 1, row[i]);
                        }
                        for (int r = 0; r < repeat.length; r++) {
                            ps.setObject(row.length + r + 1, row[repeat[r] - 1]);
                        }
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            });
            done += rows.size();
            progress.accept(new Progress(table, done, total));
        }
    }

    private static long count(Connection source, String table) throws SQLException {
        try (Statement s = source.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private interface Work {
        void run(Connection c) throws SQLException;
    }

    private void inTransaction(Work work) throws SQLException {
        try (Connection c = to.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

}
