package io.tickwatch.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickwatch.App;
import io.tickwatch.config.InvalidSettings;
import io.tickwatch.config.Settings;
import io.tickwatch.config.SettingsLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * A real Tickwatch for tests: the whole application (store, writer, Undertow) on a loopback port chosen
 * by the OS, with an H2 file in a temporary folder, and a real HTTP client. Settings come in as
 * environment variables, exactly as a user would give them.
 */
public final class RunningTickwatch implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final App app;
    private final String jdbcUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RunningTickwatch(App app, String jdbcUrl) {
        this.app = app;
        this.jdbcUrl = jdbcUrl;
    }

    /** Starts with an H2 file under {@code dir}; {@code env} adds TICKWATCH_* settings. */
    public static RunningTickwatch start(Path dir, Map<String, String> env) {
        Map<String, String> all = new HashMap<>();
        all.put("TICKWATCH_PORT", "0");
        all.put("TICKWATCH_DB", "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath());
        all.putAll(env);
        try {
            Settings settings = new SettingsLoader(all, dir).load(true, Map.of(), null);
            return new RunningTickwatch(App.start(settings), settings.db());
        } catch (InvalidSettings e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static RunningTickwatch start(Path dir) {
        return start(dir, Map.of());
    }

    public App app() {
        return app;
    }

    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + app.port() + pathAndQuery);
    }

    public Reply postWebhook(String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("/webhook"))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    public Reply postWebhook(byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri("/webhook")).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    public Reply get(String pathAndQuery, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    /** Sends with a 30 s answer timeout, so a server that never answers fails the test instead of hanging it. */
    public Reply send(HttpRequest request) {
        HttpRequest bounded = request.timeout().isPresent() ? request
                : HttpRequest.newBuilder(request, (name, value) -> true).timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> r = http.send(bounded, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a query on the same H2 database (a second connection in this JVM) and returns the first column. */
    public long queryLong(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl);
    }

    @Override
    public void close() {
        app.close();
    }

    /** An HTTP answer with its body parsed as JSON when it is JSON. */
    public record Reply(int status, Map<String, java.util.List<String>> headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }
}
