package io.tickwatch.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The payload of change notifications: message ids as JSON arrays (ids are opaque and may hold any
 * character but NUL, so no separator is safe), cut into chunks under PostgreSQL's 8000-byte payload limit.
 */
final class ChangeNotices {

    static final String CHANNEL = "tickwatch_changes";
    /** PostgreSQL refuses payloads of 8000 bytes or more; keep a margin for the brackets and commas. */
    static final int MAX_PAYLOAD_BYTES = 7_900;

    private static final ObjectMapper JSON = new ObjectMapper();

    private ChangeNotices() {
    }

    static List<String> payloads(Collection<String> ids) {
        List<String> payloads = new ArrayList<>();
        List<String> chunk = new ArrayList<>();
        int bytes = 2;
        for (String id : ids) {
            int size = encode(id).getBytes(StandardCharsets.UTF_8).length + 1;
            if (!chunk.isEmpty() && bytes + size > MAX_PAYLOAD_BYTES) {
                payloads.add(encode(chunk));
                chunk.clear();
                bytes = 2;
            }
            chunk.add(id);
            bytes += size;
        }
        if (!chunk.isEmpty()) {
            payloads.add(encode(chunk));
        }
        return payloads;
    }

    /** Queues the notices in the connection's open transaction (PostgreSQL): one statement for all chunks. */
    static void send(Connection c, Collection<String> ids) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_notify('" + CHANNEL + "', p) FROM unnest(?::text[]) AS p")) {
            ps.setArray(1, c.createArrayOf("text", payloads(ids).toArray()));
            ps.executeQuery().close();
        }
    }

    static List<String> ids(String payload) {
        try {
            return JSON.readValue(payload, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a change notice: " + payload.length() + " characters", e);
        }
    }

    private static String encode(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
