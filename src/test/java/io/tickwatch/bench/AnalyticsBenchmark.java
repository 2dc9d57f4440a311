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

    /**
     * One timed API call, in milliseconds: its first call in the fresh JVM, then the median and 95th percentile
     * over the repetitions after a warm-up (the dashboard asks again every half second, in a process that is warm).
     */
    record Timing(String what, String path, double firstMs, double medianMs, double p95Ms) {
    }

    /** The figures of one store. */
    record Result(String backend, int messages, double fillSeconds, List<Timing> timings, long heapUsedBytes,
                  long residentBytes) {
    }

    static final int REPEAT = 51;
    /** Unmeasured calls before the repetitions, for at most this long (or {@link #WARM_UP_CALLS}). */
    static final long WARM_UP_MILLIS = 2_000;
    private static final int WARM_UP_CALLS = 200;

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

    /**
     * The first call (cold: the JIT has not compiled this path yet, H2's caches are empty), then up to
     * {@link #WARM_UP_MILLIS} of unmeasured calls, then {@link #REPEAT} timed ones. With 21 calls and no warm-up the
     * median was mostly compiler warm-up: on the H2 store /api/funnel took 117, 24, 16, 15, 10 … ms for its first
     * calls and 2.5 ms (median of 300) after them.
     */
    private static Timing time(HttpClient http, String base, String what, String path) throws Exception {
        double first = call(http, base, path) / 1e6;
        long warmUntil = System.nanoTime() + WARM_UP_MILLIS * 1_000_000;
        for (int i = 0; i < WARM_UP_CALLS && System.nanoTime() < warmUntil; i++) {
            call(http, base, path);
        }
        long[] nanos = new long[REPEAT];
        for (int i = 0; i < REPEAT; i++) {
            nanos[i] = call(http, base, path);
        }
        Arrays.sort(nanos);
        return new Timing(what, path, first, nanos[REPEAT / 2] / 1e6, nanos[(int) Math.ceil(0.95 * REPEAT) - 1] / 1e6);
    }

    /** One GET, answered 200; its time in nanoseconds. */
    private static long call(HttpClient http, String base, String path) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        long took = System.nanoTime() - started;
        if (r.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
        return took;
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
