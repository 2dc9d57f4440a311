package io.tickwatch.store;

import static io.tickwatch.store.MergeSql.MESSAGE_COLUMNS;

import io.tickwatch.model.MessageMerge;
import io.tickwatch.model.MessageState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Merges folded message states into the messages table and keeps the per-minute funnel
 * ({@link FunnelMinutes}) and the per-phone totals ({@link PhoneTotals}) in step, inside the caller's
 * transaction.
 *
 * <p>PostgreSQL: one upsert whose SET clauses apply the merge rules ({@link MergeSql}), so that several
 * processes writing at once cannot lose an update; the table's triggers record the funnel and phone changes.
 *
 * <p>H2: an H2 file has one writer at a time (one process, and {@link JdbcStatusStore} serializes its
 * writes), so nothing changes the rows between a read and a write. The batch's stored rows are read, each
 * merged row is computed here with {@link MessageMerge} (the reference of the rules, which the SQL mirrors)
 * and written as a plain INSERT or UPDATE: cheaper than H2's MERGE … USING, which evaluates the rules in SQL
 * per row, and it skips rows the batch does not change at all (a status seen again). The funnel and phone
 * changes follow from the same old and merged rows.
 */
final class MessageUpsert {

    private static final Map<Dialect, String> UPSERT = Dialect.once(Dialect::upsertMessages);

    /** H2: a new message, columns in the order of {@link MessageRows#bind}. */
    private static final String INSERT = "INSERT INTO messages (" + MergeSql.columns(MESSAGE_COLUMNS) + ") VALUES ("
            + MergeSql.placeholders(MESSAGE_COLUMNS.size()) + ")";

    /** H2: every column the merge may change (all but the key and seq, which keeps its arrival order). */
    private static final String UPDATE = "UPDATE messages SET "
            + MESSAGE_COLUMNS.stream().skip(1).map(col -> col + " = ?").collect(Collectors.joining(", "))
            + " WHERE id = ?";

    private MessageUpsert() {
    }

    static void write(Connection c, Dialect dialect, List<MessageState> states) throws SQLException {
        if (states.isEmpty()) {
            return;
        }
        List<MessageState> ordered = new ArrayList<>(states);
        ordered.sort(Comparator.comparing(MessageState::id));
        if (dialect == Dialect.H2) {
            writeMergedHere(c, dialect, ordered);
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(UPSERT.get(dialect))) {
            for (MessageState s : ordered) {
                MessageRows.bind(ps, s);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The H2 path: rows merged in Java, inserted or updated in id order. */
    private static void writeMergedHere(Connection c, Dialect dialect, List<MessageState> ordered) throws SQLException {
        Map<String, MessageState> before = read(c, ordered);
        List<MessageState> inserts = new ArrayList<>();
        List<MessageState> updates = new ArrayList<>();
        Map<Long, long[]> deltas = new HashMap<>();
        Map<String, long[]> phones = new HashMap<>();
        for (MessageState s : ordered) {
            MessageState old = before.get(s.id());
            if (old == null) {
                inserts.add(s);
                FunnelMinutes.addChange(deltas, null, s);
                PhoneTotals.addChange(phones, null, s);
                continue;
            }
            MessageState merged = MessageMerge.merge(old, s);
            if (!merged.equals(old)) {
                updates.add(merged);
                FunnelMinutes.addChange(deltas, old, merged);
                PhoneTotals.addChange(phones, old, merged);
            }
        }
        if (!inserts.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                for (MessageState s : inserts) {
                    MessageRows.bind(ps, s);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!updates.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
                for (MessageState s : updates) {
                    MessageRows.bindUpdate(ps, s);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        FunnelMinutes.apply(c, dialect, deltas);
        PhoneTotals.apply(c, phones);
    }

    private static Map<String, MessageState> read(Connection c, List<MessageState> states) throws SQLException {
        Map<String, MessageState> found = new HashMap<>();
        for (MessageState s : MessageRows.readStates(c, states.stream().map(MessageState::id).toList())) {
            found.put(s.id(), s);
        }
        return found;
    }
}
