package io.tickwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickwatch.model.MessageMerge;
import io.tickwatch.model.MessageState;
import io.tickwatch.model.StatusEvent;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Correctness under the benchmark's stream: the final state of every message, as Tickwatch or the
 * baseline stored it, against the reference merge ({@link MessageMerge}) of the acknowledged statuses.
 * Compared per message: sent, delivered (inferred from read where the rules say so), read, failed, phone.
 */
final class FinalStates {

    /** Funnel times in epoch seconds and the phone; null where absent. */
    record Funnel(Long sent, Long delivered, Long read, Long failed, String phone) {
    }

    private FinalStates() {
    }

    static Map<String, Funnel> reference(Collection<EventStream.Body> acknowledged) {
        List<StatusEvent> events = new ArrayList<>();
        for (EventStream.Body body : acknowledged) {
            for (EventStream.Status s : body.statuses()) {
                events.add(new StatusEvent(s.messageId(), s.status(), s.atSeconds() * 1000, "+" + s.phone(),
                        s.errorCode(), s.errorCode() == null ? null : "Message undeliverable", 0));
            }
        }
        Map<String, Funnel> result = new HashMap<>();
        for (MessageState m : MessageMerge.fold(events).values()) {
            result.put(m.id(), new Funnel(seconds(m.sent()), seconds(m.delivered()), seconds(m.read()),
                    seconds(m.failed()), m.phone()));
        }
        return result;
    }

    static Map<String, Funnel> tickwatch(String jdbcUrl) throws SQLException {
        Map<String, Funnel> result = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, sent_at, delivered_at, read_at, failed_at, phone FROM messages")) {
            while (rs.next()) {
                result.put(rs.getString(1), new Funnel(seconds(rs, 2), seconds(rs, 3), seconds(rs, 4), seconds(rs, 5),
                        rs.getString(6)));
            }
        }
        return result;
    }

    static Map<String, Funnel> naive(String jdbcUrl) throws Exception {
        ObjectMapper json = new ObjectMapper();
        Map<String, Funnel> result = new HashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT message_id, status, phone_number FROM naive_messages")) {
            while (rs.next()) {
                JsonNode map = json.readTree(rs.getString(2));
                result.put(rs.getString(1), new Funnel(iso(map, "sent"), iso(map, "delivered"), iso(map, "read"),
                        iso(map, "failed"), rs.getString(3)));
            }
        }
        return result;
    }

    /** Messages whose stored funnel differs from the reference, or that are missing or extra. */
    static long mismatches(Map<String, Funnel> reference, Map<String, Funnel> stored) {
        long wrong = 0;
        for (Map.Entry<String, Funnel> e : reference.entrySet()) {
            if (!Objects.equals(e.getValue(), stored.get(e.getKey()))) {
                wrong++;
            }
        }
        return wrong + stored.keySet().stream().filter(k -> !reference.containsKey(k)).count();
    }

    private static Long seconds(Long millis) {
        return millis == null ? null : millis / 1000;
    }

    private static Long seconds(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v / 1000;
    }

    private static Long iso(JsonNode map, String key) {
        JsonNode v = map.get(key);
        return v == null ? null : Instant.parse(v.asText()).getEpochSecond();
    }
}
