package io.tickwatch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickwatch.model.MessageMerge;
import io.tickwatch.model.MessageState;
import io.tickwatch.model.StatusEvent;
import io.tickwatch.testing.PostgresServer;
import io.tickwatch.testing.RunningTickwatch;
import io.tickwatch.testing.StatusScenario;
import io.tickwatch.testing.TestDatabase;
import io.tickwatch.testing.Webhooks;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The original guide's analytics SQL, in its own style (status ? 'delivered', status->>'read'), run against
 * the broadcasts_messages view after real webhooks, and compared with the API and with the reference merge.
 * The session runs in Asia/Kolkata to show that no figure depends on the session's time zone.
 */
class BroadcastsViewTest {

    private static final long DAY0 = 1_702_166_400L; // 2023-12-10T00:00:00Z

    @TempDir
    Path dir;
    private TestDatabase db;
    private RunningTickwatch tw;
    private Map<String, MessageState> reference;

    @BeforeEach
    void postACampaign() {
        PostgresServer.assumeAvailable();
        db = PostgresServer.createDatabase();
        tw = RunningTickwatch.start(dir, Map.of("TICKWATCH_DB", db.jdbcUrl()));
        // Like the guide's data: every message was sent (the row was created at send time), spread over three
        // days and many hours; then delivered, read (sometimes without delivered), or failed.
        Random r = new Random(11);
        List<StatusEvent> events = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            String id = "wamid.view." + i;
            String phone = "+91987650000" + (i % 7);
            long sent = DAY0 + r.nextInt(3 * 86_400);
            events.add(new StatusEvent(id, "sent", sent * 1000, phone, null, null, 0));
            int fate = r.nextInt(10);
            long delivered = sent + 1 + r.nextInt(30);
            if (fate < 6) {
                events.add(new StatusEvent(id, "delivered", delivered * 1000, phone, null, null, 0));
            }
            if (fate < 3 || fate == 9) { // 9: read with no delivered (inferred)
                events.add(new StatusEvent(id, "read", (delivered + 5 + r.nextInt(600)) * 1000, phone, null, null, 0));
            }
            if (fate == 7 || fate == 8) {
                events.add(new StatusEvent(id, "failed", (sent + 2) * 1000, phone, 131026, "Message undeliverable", 0));
            }
        }
        reference = MessageMerge.fold(events);
        for (int from = 0; from < events.size(); from += 25) {
            String body = Webhooks.onPremises(events.subList(from, Math.min(events.size(), from + 25)).stream()
                    .map(StatusScenario::toJson).toArray(String[]::new));
            assertThat(tw.postWebhook(body).status()).isEqualTo(200);
        }
    }

    @AfterEach
    void stop() {
        if (tw != null) {
            tw.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(db.jdbcUrl());
        try (Statement s = c.createStatement()) {
            s.execute("SET TIME ZONE 'Asia/Kolkata'");
        }
        return c;
    }

    private static double queryDouble(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    @Test
    void deliveryAndReadRatesEqualTheApisFunnel() throws SQLException {
        JsonNode funnel = tw.get("/api/funnel").json();
        try (Connection c = connect()) {
            double deliveryRate = queryDouble(c, "SELECT COUNT(*) FILTER (WHERE status ? 'delivered') * 100.0 "
                    + "/ NULLIF(COUNT(*) FILTER (WHERE status ? 'sent'), 0) FROM broadcasts_messages");
            double readRate = queryDouble(c, "SELECT COUNT(*) FILTER (WHERE status ? 'read') * 100.0 "
                    + "/ NULLIF(COUNT(*) FILTER (WHERE status ? 'delivered'), 0) FROM broadcasts_messages");
            double failed = queryDouble(c, "SELECT COUNT(*) FROM broadcasts_messages WHERE status ? 'failed'");
            assertThat(deliveryRate).isCloseTo(funnel.get("deliveryRate").asDouble() * 100, within(1e-9));
            assertThat(readRate).isCloseTo(funnel.get("readRate").asDouble() * 100, within(1e-9));
            assertThat((long) failed).isEqualTo(funnel.get("failed").asLong());
            assertThat(funnel.get("messages").asLong()).isEqualTo(reference.size());
        }
    }

    @Test
    void averageDelaysEqualTheReferenceMerge() throws SQLException {
        double deliverySeconds = reference.values().stream().filter(s -> s.sent() != null && s.delivered() != null)
                .mapToLong(s -> s.delivered() - s.sent()).average().orElseThrow() / 1000.0;
        double readDelay = reference.values().stream().filter(s -> s.read() != null)
                .mapToLong(s -> s.read() - s.delivered()).average().orElseThrow() / 1000.0;
        try (Connection c = connect()) {
            assertThat(queryDouble(c, "SELECT AVG(EXTRACT(EPOCH FROM ((status->>'delivered')::timestamptz "
                    + "- (status->>'sent')::timestamptz))) FROM broadcasts_messages "
                    + "WHERE status ? 'sent' AND status ? 'delivered'")).isCloseTo(deliverySeconds, within(1e-6));
            assertThat(queryDouble(c, "SELECT AVG(EXTRACT(EPOCH FROM ((status->>'read')::timestamp "
                    + "- (status->>'delivered')::timestamp))) FROM broadcasts_messages WHERE status ? 'read'"))
                    .isCloseTo(readDelay, within(1e-6));
        }
    }

    @Test
    void mostEngagedPhonesMatchTheApisPhones() throws SQLException {
        Map<String, Long> apiReads = new TreeMap<>();
        for (JsonNode p : tw.get("/api/phones?limit=100").json()) {
            apiReads.put(p.get("phone").asText(), p.get("read").asLong());
        }
        Map<String, Long> sqlReads = new TreeMap<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT phone_number, COUNT(*) FILTER (WHERE status->>'read' IS NOT NULL) "
                     + "AS reads FROM broadcasts_messages GROUP BY phone_number ORDER BY reads DESC, phone_number")) {
            while (rs.next()) {
                sqlReads.put(rs.getString(1), rs.getLong(2));
            }
        }
        assertThat(sqlReads).isEqualTo(apiReads).hasSize(7);
    }

    @Test
    void hourlyVolumeAndDailySummaryMatchTheReferenceAndTheApi() throws SQLException {
        Map<String, Long> expectedHours = reference.values().stream().collect(Collectors.groupingBy(
                s -> Instant.ofEpochMilli(s.sent()).truncatedTo(ChronoUnit.HOURS).toString().substring(0, 16),
                TreeMap::new, Collectors.counting()));
        Map<String, Long> hours = new TreeMap<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT to_char(date_trunc('hour', (status->>'sent')::timestamp), "
                     + "'YYYY-MM-DD\"T\"HH24:MI') AS hour, COUNT(*) FROM broadcasts_messages GROUP BY 1 ORDER BY 1")) {
            while (rs.next()) {
                hours.put(rs.getString(1), rs.getLong(2));
            }
        }
        assertThat(hours).isEqualTo(expectedHours);

        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DATE((status->>'sent')::timestamp) AS day, COUNT(*) AS total, "
                     + "COUNT(*) FILTER (WHERE status ? 'delivered') AS delivered, "
                     + "COUNT(*) FILTER (WHERE status ? 'read') AS read, "
                     + "COUNT(*) FILTER (WHERE status ? 'failed') AS failed "
                     + "FROM broadcasts_messages GROUP BY 1 ORDER BY 1")) {
            int days = 0;
            while (rs.next()) {
                Instant day = rs.getDate(1).toLocalDate().atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
                // epoch seconds: the API's ISO parsing takes "2023-…" for a number (a bug noted for ingest/Timestamps)
                JsonNode api = tw.get("/api/funnel?since=" + day.getEpochSecond() + "&until="
                        + day.plus(1, ChronoUnit.DAYS).getEpochSecond()).json();
                assertThat(rs.getLong("total")).isEqualTo(api.get("messages").asLong());
                assertThat(rs.getLong("delivered")).isEqualTo(api.get("delivered").asLong());
                assertThat(rs.getLong("read")).isEqualTo(api.get("read").asLong());
                assertThat(rs.getLong("failed")).isEqualTo(api.get("failed").asLong());
                days++;
            }
            assertThat(days).isEqualTo(3);
        }
    }

    @Test
    void theViewShowsIsoUtcTimesAndReceiptTimes() throws SQLException {
        MessageState s0 = reference.get("wamid.view.0");
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT phone_number, status->>'sent', created_at <= updated_at "
                     + "FROM broadcasts_messages WHERE message_id = 'wamid.view.0'")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(s0.phone());
            assertThat(rs.getString(2)).isEqualTo(Instant.ofEpochMilli(s0.sent()).toString().replace("Z", ".000Z"));
            assertThat(rs.getBoolean(3)).isTrue();
        }
    }
}
