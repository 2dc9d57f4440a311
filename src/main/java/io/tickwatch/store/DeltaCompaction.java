package io.tickwatch.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * PostgreSQL: folds what the triggers on messages appended (funnel_deltas, phone_deltas) into the maintained
 * tables (funnel_minutes and funnel_hours, phone_totals), so readers add up a few rows instead of thousands.
 * Runs in its own transaction on the compactor thread ({@link DeltaCompactor}), unless another process is
 * folding right now (a transaction-scoped advisory lock): the figures are right either way, since readers
 * add the pending deltas too.
 */
final class DeltaCompaction {

    /** An arbitrary constant naming the compaction lock (ASCII "tickfnl"). */
    private static final long COMPACTION_LOCK = 0x7469636b666e6cL;

    private DeltaCompaction() {
    }

    static void compact(Connection c) throws SQLException {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(" + COMPACTION_LOCK + ")");
             ResultSet rs = lock.executeQuery()) {
            if (!rs.next() || !rs.getBoolean(1)) {
                return;
            }
        }
        FunnelMinutes.fold(c);
        PhoneTotals.fold(c);
    }
}
