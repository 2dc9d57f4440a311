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
import java.nio.file.Files;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Tickwatch for tests: the whole application (store, writer, Undertow) on a loopback port chosen
 * by the OS, with an H2 file in a temporary folder, and a real HTTP client. Settings come in as
 * environment variables, exactly as a user would give them.
 *
 * <p>Either started by a test ({@link #start}) or shared by a test class as an extension:
 * {@code @RegisterExtension static final RunningTickwatch tw = RunningTickwatch.perClass(Map.of(...));}
 * starts it in a fresh folder before the class's tests and stops it after them.
 */
public final class RunningTickwatch implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> env;
    /** Started as the desktop application starts it (a window will open), not as {@code --headless}. */
    private boolean desktop;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile App app;
    private volatile String jdbcUrl;
    private Path classDir;

    private RunningTickwatch(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** One Tickwatch for all tests of a class (register it as a static extension field). */
    public static RunningTickwatch perClass(Map<String, String> env) {
        return new RunningTickwatch(env);
    }

    public static RunningTickwatch perClass() {
        return perClass(Map.of());
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        startInFreshFolder();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        stopAndDeleteFolder();
    }

    /** Starts a {@link #perClass} instance in a new temporary folder (for runners without JUnit extensions, e.g. jqwik). */
    public void startInFreshFolder() throws IOException {
        classDir = Files.createTempDirectory("tickwatch-test-");
        launch(classDir);
    }

    /** Stops what {@link #startInFreshFolder} started and removes its folder. */
    public void stopAndDeleteFolder() throws IOException {
        close();
        try (Stream<Path> paths = Files.walk(classDir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Starts with an H2 file under {@code dir}; {@code env} adds TICKWATCH_* settings. */
    public static RunningTickwatch start(Path dir, Map<String, String> env) {
        RunningTickwatch tw = new RunningTickwatch(env);
        tw.launch(dir);
        return tw;
    }

    private void launch(Path dir) {
        Map<String, String> all = new HashMap<>();
        all.put("TICKWATCH_PORT", "0");
        all.put("TICKWATCH_DB", "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath());
        all.putAll(env);
        try {
            Settings settings = new SettingsLoader(all, dir).load(!desktop, Map.of(), null);
            app = App.start(settings);
            jdbcUrl = settings.db();
        } catch (InvalidSettings e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static RunningTickwatch start(Path dir) {
        return start(dir, Map.of());
    }

    /**
     * Starts as {@code java -jar tickwatch.jar} does before it opens the window (not {@code --headless}): with
     * the desktop's thread priorities, for tools that measure the dashboard.
     */
    public static RunningTickwatch startForDesktop(Path dir) {
        return startForDesktop(dir, Map.of());
    }

    /** As {@link #startForDesktop(Path)}; {@code env} adds TICKWATCH_* settings. */
    public static RunningTickwatch startForDesktop(Path dir, Map<String, String> env) {
        RunningTickwatch tw = new RunningTickwatch(env);
        tw.desktop = true;
        tw.launch(dir);
        return tw;
    }

    public String jdbcUrl() {
        return jdbcUrl;
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

    /** Posts without waiting for the answer: for requests that are meant to wait (a stalled writer). */
    public java.util.concurrent.CompletableFuture<Reply> postWebhookAsync(String body) {
        HttpRequest request = HttpRequest.newBuilder(uri("/webhook")).timeout(ANSWER_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(r -> new Reply(r.statusCode(), r.headers().map(), r.body()));
    }

    /** Any method on any path, with an optional body. */
    public Reply request(String method, String pathAndQuery, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    /** GET /api/messages/{id} with the id percent-encoded byte by byte (UTF-8), as a client must send it. */
    public Reply message(String id) {
        return get("/api/messages/" + encodePathSegment(id));
    }

    public static String encodePathSegment(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
                b.append((char) c);
            } else {
                b.append('%').append(String.format(java.util.Locale.ROOT, "%02X", c));
            }
        }
        return b.toString();
    }

    /** Row counts of the tables a webhook can change (request_counts aside: every answer is counted there). */
    public StoreCounts counts() {
        return new StoreCounts(queryLong("SELECT COUNT(*) FROM messages"), queryLong("SELECT COUNT(*) FROM status_events"),
                queryLong("SELECT COUNT(*) FROM webhook_requests"), queryLong("SELECT COUNT(*) FROM rejected_items"));
    }

    /** Row counts of messages, status_events, webhook_requests and rejected_items. */
    public record StoreCounts(long messages, long events, long requests, long rejected) {
    }

    /** The status of {@link #raw} when the server closed the connection without answering. */
    public static final int NO_ANSWER = 0;

    /**
     * Sends bytes exactly as given over a plain socket and reads the whole answer: for requests an HTTP
     * client refuses to produce (malformed escapes in the path, a Content-Length that lies).
     */
    public Reply raw(String requestHead, byte[] body) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", app.port())) {
            socket.setSoTimeout(10_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(requestHead.getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            socket.shutdownOutput();
            java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(received);
            } catch (java.net.SocketException reset) {
                // the server cut the connection; whatever arrived before is the answer
            }
            String text = received.toString(StandardCharsets.UTF_8);
            int headEnd = text.indexOf("\r\n\r\n");
            if (headEnd < 0) {
                return new Reply(NO_ANSWER, Map.of(), text);
            }
            String[] lines = text.substring(0, headEnd).split("\r\n");
            Map<String, java.util.List<String>> headers = new HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new java.util.ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
            return new Reply(Integer.parseInt(lines[0].split(" ")[1]), headers, text.substring(headEnd + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GET of a raw (not re-encoded) path over a plain socket. */
    public Reply rawGet(String rawPath) {
        return raw("GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", null);
    }

    /** A request that gets no answer within this time fails the test instead of hanging it. */
    public static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    public Reply send(HttpRequest request) {
        HttpRequest timed = request.timeout().isPresent() ? request
                : HttpRequest.newBuilder(request, (name, value) -> true).timeout(ANSWER_TIMEOUT).build();
        try {
            HttpResponse<String> r = http.send(timed, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
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
