package io.tickwatch.bench;

import io.tickwatch.store.JdbcStatusStore;
import io.tickwatch.store.StoreFactory;
import io.tickwatch.testing.ChildJvm;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Analytics with many messages stored: the store is filled in bulk with SQL (a campaign over a week:
 * all sent and delivered, 70 % read, 50,000 phones), Tickwatch starts on it headless, and the API's
 * answers are timed over HTTP — funnel, per-phone top 50, one message, one page — with the process's
 * heap and resident memory afterwards.
 */
final class AnalyticsBenchmark {

    /** One timed API call: median and 95th percentile over the repetitions, in milliseconds. */
    record Timing(String what, String path, double medianMs, double p95Ms) {
    }

    /** The figures of one store. */
    record Result(String backend, int messages, double fillSeconds, List<Timing> timings, long heapUsedBytes,
                  long residentBytes) {
    }

    private static final int REPEAT = 21;

    private AnalyticsBenchmark() {
    }

    static Result run(Backend backend, Path workDir, int messages) throws Exception {
        String run = "analytics_" + backend.name().toLowerCase(java.util.Locale.ROOT);
        String url = backend.freshUrl(run);
        Files.createDirectories(workDir.resolve(run));
        StoreFactory.open(url, 2).close(); // migrations
        long started = System.nanoTime();
        long campaignEnd = fill(url, messages, backend.name().equals("H2"));
        try (JdbcStatusStore store = StoreFactory.open(url, 2)) {
            store.recountAggregates(); // the fill went around the writer, which maintains them otherwise
        }
        double fillSeconds = (System.nanoTime() - started) / 1e9;
        // H2 answers a repeated query on an unchanged table from a cache: timings would show the cache, not the query.
        String served = backend.name().equals("H2") ? url + ";OPTIMIZE_REUSE_RESULTS=FALSE" : url;
        List<Timing> timings = new ArrayList<>();
        long heap;
        long resident;
        try (ChildJvm child = ChildJvm.start(workDir.resolve(run), List.of("-Xmx512m"), "io.tickwatch.Launcher",
                Map.of(), "--headless", "--port", "0", "--db", served)) {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + child.port();
            long lastHour = campaignEnd / 1000 - 3600;
            timings.add(time(http, base, "funnel, all messages", "/api/funnel"));
            timings.add(time(http, base, "funnel, last hour of the campaign", "/api/funnel?since=" + lastHour));
            timings.add(time(http, base, "per-phone top 50", "/api/phones?limit=50"));
            timings.add(time(http, base, "one message", "/api/messages/wamid.bulk." + messages / 2));
            timings.add(time(http, base, "one page (50, newest first)", "/api/messages?limit=50"));
            timings.add(time(http, base, "one page, read only", "/api/messages?status=read&limit=50"));
            timings.add(time(http, base, "one page, one phone", "/api/messages?phone=%2B919000012345&limit=50"));
            heap = heapUsed(http, base);
            resident = residentBytes(child.pid());
        }
        backend.drop(run);
        return new Result(backend.name(), messages, fillSeconds, timings, heap, resident);
    }

    /** The campaign starts here and sends one message every 600 ms. */
    private static final long START_MILLIS = 1_700_000_000_000L;

    /** Fills the store in bulk; returns the time of the campaign's last message. */
    private static long fill(String url, int messages, boolean h2) throws SQLException {
        String numbers = h2 ? "(SELECT X AS n FROM SYSTEM_RANGE(1, " + messages + ")) g"
                : "generate_series(1, " + messages + ") AS g(n)";
        String t = "(" + START_MILLIS + " + n * 600)";
        String read = "CASE WHEN MOD(n, 10) < 7 THEN " + t + " + 60000 END";
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("INSERT INTO messages (id, phone, phone_at, sent_at, delivered_at, delivered_real, read_at, "
                    + "failed_at, error_code, error_title, error_at, status_rank, first_at, first_received, last_received) "
                    + "SELECT 'wamid.bulk.' || CAST(n AS VARCHAR), '+9190000' || LPAD(CAST(MOD(n, 50000) AS VARCHAR), 5, '0'), "
                    + t + ", " + t + ", " + t + " + 5000, TRUE, " + read + ", NULL, NULL, NULL, NULL, "
                    + "CASE WHEN MOD(n, 10) < 7 THEN 4 ELSE 3 END, " + t + ", " + t + ", " + t + " FROM " + numbers);
            String request = "CAST('00000000-0000-0000-0000-000000000000' AS UUID)";
            s.execute("INSERT INTO status_events (message_id, status, observed_at, received_at, seen, request_id) "
                    + "SELECT id, 'sent', sent_at, first_received, 1, " + request + " FROM messages");
            s.execute("INSERT INTO status_events (message_id, status, observed_at, received_at, seen, request_id) "
                    + "SELECT id, 'delivered', delivered_at, first_received, 1, " + request + " FROM messages");
            s.execute("INSERT INTO status_events (message_id, status, observed_at, received_at, seen, request_id) "
                    + "SELECT id, 'read', read_at, first_received, 1, " + request + " FROM messages WHERE read_at IS NOT NULL");
            if (!h2) {
                s.execute("ANALYZE");
            }
        }
        return START_MILLIS + messages * 600L;
    }

    private static Timing time(HttpClient http, String base, String what, String path) throws Exception {
        long[] nanos = new long[REPEAT];
        for (int i = 0; i < REPEAT; i++) {
            long started = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            nanos[i] = System.nanoTime() - started;
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
            }
        }
        Arrays.sort(nanos);
        return new Timing(what, path, nanos[REPEAT / 2] / 1e6, nanos[(int) Math.ceil(0.95 * REPEAT) - 1] / 1e6);
    }

    /** Heap in use, from the JVM memory meters on /metrics. */
    private static long heapUsed(HttpClient http, String base) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double sum = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return (long) sum;
    }

    private static long residentBytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }
}
