package io.tickwatch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tickwatch.store.JdbcUrls;
import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;

/**
 * The baseline: the original guide's algorithm behind the same HTTP stack (Undertow) and the same
 * database with the same durability settings. For each status: look the message up, then update its
 * status map or insert it, one autocommit statement at a time; last arrival wins per status key.
 * Written by us from the guide's description, for the benchmark only.
 *
 * <p>Usage: {@code NaiveReceiver <jdbc-url>}; logs "Listening on http://127.0.0.1:PORT/webhook".
 */
public final class NaiveReceiver {

    private static final ObjectMapper JSON = new ObjectMapper();

    private NaiveReceiver() {
    }

    public static void main(String[] args) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(JdbcUrls.durable(args[0]));
        config.setMaximumPoolSize(8);
        HikariDataSource db = new HikariDataSource(config);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS naive_messages (message_id VARCHAR(2048) PRIMARY KEY, "
                    + "phone_number VARCHAR(32), status VARCHAR(4000), created_at TIMESTAMP, updated_at TIMESTAMP)");
        }
        Undertow real = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(new HttpHandler() {
            @Override
            public void handleRequest(HttpServerExchange exchange) throws Exception {
                if (exchange.isInIoThread()) {
                    exchange.dispatch(this);
                    return;
                }
                exchange.startBlocking();
                byte[] body;
                try (InputStream in = exchange.getInputStream()) {
                    body = in.readAllBytes();
                }
                try {
                    JsonNode statuses = JSON.readTree(body).path("statuses");
                    for (JsonNode s : statuses) {
                        upsert(db, s);
                    }
                    exchange.getResponseSender().send("{\"status\":\"success\"}");
                } catch (Exception e) { // e.g. two first statuses of one message racing to INSERT
                    exchange.setStatusCode(500);
                    exchange.getResponseSender().send("{\"error\":\"" + e.getClass().getSimpleName() + "\"}");
                }
            }
        }).build();
        real.start();
        int port = ((InetSocketAddress) real.getListenerInfo().get(0).getAddress()).getPort();
        System.out.println("Listening on http://127.0.0.1:" + port + "/webhook");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            real.stop();
            db.close();
        }));
        Thread.currentThread().join();
    }

    /** The guide's per-status read-then-write, each statement in its own autocommit transaction. */
    private static void upsert(HikariDataSource db, JsonNode s) throws SQLException, java.io.IOException {
        String id = s.path("id").asText();
        String status = s.path("status").asText();
        String at = Instant.ofEpochSecond(Long.parseLong(s.path("timestamp").asText())).toString();
        java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
        try (Connection c = db.getConnection()) {
            String existing = null;
            try (PreparedStatement ps = c.prepareStatement("SELECT status FROM naive_messages WHERE message_id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        existing = rs.getString(1);
                    }
                }
            }
            if (existing != null) {
                ObjectNode map = (ObjectNode) JSON.readTree(existing);
                map.put(status, at);
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE naive_messages SET status = ?, updated_at = ? WHERE message_id = ?")) {
                    ps.setString(1, map.toString());
                    ps.setTimestamp(2, now);
                    ps.setString(3, id);
                    ps.executeUpdate();
                }
            } else {
                ObjectNode map = JSON.createObjectNode().put(status, at);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO naive_messages "
                        + "(message_id, phone_number, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")) {
                    ps.setString(1, id);
                    ps.setString(2, "+" + s.path("recipient_id").asText());
                    ps.setString(3, map.toString());
                    ps.setTimestamp(4, now);
                    ps.setTimestamp(5, now);
                    ps.executeUpdate();
                }
            }
        }
    }
}
