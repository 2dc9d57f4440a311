package io.tickwatch.cli;

import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.model.MessageMerge;
import io.tickwatch.model.MessageState;
import io.tickwatch.model.StatusEvent;
import io.tickwatch.store.JdbcStatusStore;
import io.tickwatch.store.StoreFactory;
import io.tickwatch.testing.Backend;
import io.tickwatch.testing.PostgresServer;
import io.tickwatch.testing.RunningTickwatch;
import io.tickwatch.testing.StatusScenario;
import io.tickwatch.testing.TestBatches;
import io.tickwatch.testing.TestDatabase;
import io.tickwatch.testing.Webhooks;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tickwatch copy}: an H2 store filled through real webhooks moves into PostgreSQL with progress
 * output; a second run changes no row; data already in the target is merged, not overwritten.
 */
class CopyCommandTest {

    private static final String[] TABLES = {
        "SELECT id, phone, phone_at, sent_at, delivered_at, delivered_real, read_at, failed_at, error_code, "
                + "error_title, error_at, status_rank, first_at, first_received, last_received FROM messages ORDER BY id",
        "SELECT message_id, status, observed_at, received_at, seen, request_id FROM status_events "
                + "ORDER BY message_id, status, observed_at",
        "SELECT id, received_at, source, format, accepted, rejected, body FROM webhook_requests ORDER BY id",
        "SELECT request_id, item_index, path, reason, raw_json, received_at FROM rejected_items ORDER BY request_id, item_index",
        "SELECT minute_start, outcome, requests FROM request_counts ORDER BY minute_start, outcome"};

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    private Run copy(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLineParser.Outcome outcome = new CommandLineParser(Map.of(), dir, new PrintWriter(out, true),
                new PrintWriter(err, true)).parse(args);
        assertThat(outcome.settings()).isEmpty();
        return new Run(outcome.exitCode(), out.toString(), err.toString());
    }

    @Test
    void copiesAnH2StoreIntoPostgresqlIdempotentlyWithProgress() throws Exception {
        PostgresServer.assumeAvailable();
        Path h2dir = dir.resolve("h2");
        String h2Url = "jdbc:h2:file:" + h2dir.resolve("store").toAbsolutePath();
        StatusScenario scenario = StatusScenario.generate(5, 250, 1);
        try (RunningTickwatch tw = RunningTickwatch.start(h2dir)) {
            List<StatusEvent> events = scenario.events();
            for (int from = 0; from < events.size(); from += 40) {
                String body = Webhooks.onPremises(events.subList(from, Math.min(events.size(), from + 40)).stream()
                        .map(StatusScenario::toJson).toArray(String[]::new));
                assertThat(tw.postWebhook(body).status()).isEqualTo(200);
            }
            assertThat(tw.postWebhook(onPremises(status("bad", "sent", "", "1"))).status()).isEqualTo(200); // rejected item
        }
        List<List<List<Object>>> source = dump(h2Url + ";IFEXISTS=TRUE");

        try (TestDatabase pg = PostgresServer.createDatabase()) {
            Run first = copy("copy", "--from", h2Url, "--to", pg.jdbcUrl(), "--page", "100");
            assertThat(first.exitCode()).as(first.err()).isZero();
            assertThat(first.out()).contains("messages").contains("/ 250 (100%)").contains("Done: 250 messages");
            List<List<List<Object>>> copied = dump(pg.jdbcUrl());
            assertThat(copied).isEqualTo(source);
            assertThat(copied.get(3)).hasSize(1);

            Run second = copy("copy", "--from", h2Url, "--to", pg.jdbcUrl());
            assertThat(second.exitCode()).as(second.err()).isZero();
            assertThat(dump(pg.jdbcUrl())).isEqualTo(source);
        }
    }

    @Test
    void theTargetsOwnDataIsMergedNotOverwritten() throws Exception {
        PostgresServer.assumeAvailable();
        TestDatabase h2 = Backend.H2.create(dir);
        StatusEvent localRead = new StatusEvent("m", "read", 1_702_207_860_000L, "+1", null, null, 5L);
        StatusEvent productionSent = new StatusEvent("m", "sent", 1_702_207_800_000L, "+2", null, null, 7L);
        try (JdbcStatusStore store = StoreFactory.open(h2.jdbcUrl(), 2)) {
            store.write(TestBatches.of(List.of(localRead)));
        }
        try (TestDatabase pg = PostgresServer.createDatabase()) {
            try (JdbcStatusStore target = StoreFactory.open(pg.jdbcUrl(), 2)) {
                target.write(TestBatches.of(List.of(productionSent)));
            }
            assertThat(copy("copy", "--from", h2.jdbcUrl(), "--to", pg.jdbcUrl()).exitCode()).isZero();
            try (JdbcStatusStore target = StoreFactory.open(pg.jdbcUrl(), 2)) {
                MessageState merged = target.message("m").orElseThrow().state();
                assertThat(merged).isEqualTo(MessageMerge.fold(List.of(localRead, productionSent)).get("m"));
                assertThat(target.message("m").orElseThrow().events()).hasSize(2);
            }
        }
    }

    @Test
    void aMissingH2SourceIsRefusedNotCopiedAsEmpty() {
        Run run = copy("copy", "--from", "jdbc:h2:file:" + dir.resolve("nothing-here").toAbsolutePath(),
                "--to", "jdbc:h2:file:" + dir.resolve("target").toAbsolutePath());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("tickwatch copy:").contains("not found");
    }

    /** Every row of every table, as plain values, in one order whatever the engine. */
    private static List<List<List<Object>>> dump(String jdbcUrl) throws SQLException {
        List<List<List<Object>>> tables = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement()) {
            for (String sql : TABLES) {
                List<List<Object>> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery(sql)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        List<Object> row = new ArrayList<>();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            Object v = rs.getObject(i);
                            row.add(v instanceof Number n && !(v instanceof Integer) ? (Object) n.longValue() : v);
                        }
                        rows.add(row);
                    }
                }
                // in Java: the engines' collations order text keys differently
                rows.sort(java.util.Comparator.comparing(List::toString));
                tables.add(rows);
            }
        }
        return tables;
    }
}
