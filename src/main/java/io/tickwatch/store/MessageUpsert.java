package io.tickwatch.store;

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

/**
 * Merges folded message states into the messages table and keeps the per-minute funnel
 * ({@link FunnelMinutes}) in step, inside the caller's transaction. On PostgreSQL the table's triggers
 * record the funnel change; on H2 the rows are read first and the change is computed here with
 * {@link MessageMerge}, the rules the upsert applies in SQL (an H2 file has one writer at a time, so
 * nothing changes the rows between the read and the write).
 */
final class MessageUpsert {

    private static final Map<Dialect, String> UPSERT = Dialect.once(Dialect::upsertMessages);

    private MessageUpsert() {
    }

    static void write(Connection c, Dialect dialect, List<MessageState> states) throws SQLException {
        if (states.isEmpty()) {
            return;
        }
        List<MessageState> ordered = new ArrayList<>(states);
        ordered.sort(Comparator.comparing(MessageState::id));
        Map<String, MessageState> before = dialect == Dialect.H2 ? read(c, ordered) : Map.of();
        try (PreparedStatement ps = c.prepareStatement(UPSERT.get(dialect))) {
            for (MessageState s : ordered) {
                MessageRows.bind(ps, s);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        if (dialect == Dialect.H2) {
            Map<Long, long[]> deltas = new HashMap<>();
            for (MessageState s : ordered) {
                MessageState old = before.get(s.id());
                FunnelMinutes.addChange(deltas, old, old == null ? s : MessageMerge.merge(old, s));
            }
            FunnelMinutes.apply(c, dialect, deltas);
        }
    }

    private static Map<String, MessageState> read(Connection c, List<MessageState> states) throws SQLException {
        Map<String, MessageState> found = new HashMap<>();
        for (MessageState s : MessageRows.readStates(c, states.stream().map(MessageState::id).toList())) {
            found.put(s.id(), s);
        }
        return found;
    }
}
