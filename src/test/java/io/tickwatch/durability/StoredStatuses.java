package io.tickwatch.durability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Reads a closed store back to find which acknowledged statuses it lacks. */
final class StoredStatuses {

    private StoredStatuses() {
    }

    static List<StatusLoad.Acked> missing(String jdbcUrl, Collection<StatusLoad.Acked> acked) throws SQLException {
        List<StatusLoad.Acked> missing = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl);
             PreparedStatement ps = c.prepareStatement(
                     "SELECT COUNT(*) FROM status_events WHERE message_id = ? AND status = ? AND observed_at = ?")) {
            for (StatusLoad.Acked a : acked) {
                ps.setString(1, a.id());
                ps.setString(2, a.status());
                ps.setLong(3, a.at() * 1000);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) != 1) {
                        missing.add(a);
                    }
                }
            }
        }
        return missing;
    }
}
