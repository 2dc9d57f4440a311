package io.tickwatch.ui;

import io.tickwatch.live.TimeRange;
import io.tickwatch.testing.RunningTickwatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

/**
 * The scale point of DESIGN.md §6, measured headless (Monocle, software rendering):
 * <ol>
 * <li>an H2 store with 1,000,000 messages (7 days of sent/delivered/read/failed, 5,000 phones),
 *     filled once by SQL into {@code target/bench-store} and reused;</li>
 * <li>time from building the window until every view is filled (KPI tiles, charts' data, messages page,
 *     phones table) with the range "All", and the heap after a GC;</li>
 * <li>FX frame gaps while webhooks arrive over HTTP at a target of 10,000 statuses/s for 20 s.</li>
 * </ol>
 * <pre>mvn -q test-compile exec:exec@benchmark
 * java -Xmx512m -cp … io.tickwatch.ui.DashboardBenchmark target/bench-store LAST_HOUR   # another opening range
 * java -Dbench.db=jdbc:h2:tcp://127.0.0.1:9123/…/target/bench-store/store …          # the store through an H2 server</pre>
 */
public final class DashboardBenchmark {

    private static final int MESSAGES = 1_000_000;
    private static final int PHONES = 5_000;
    /** Rows of the phones table on screen in the benchmark's 1280×800 window (about 25), and a margin. */
    private static final int VISIBLE_PHONES = 30;
    private static final int TARGET_RATE = 10_000;
    private static final int LOAD_SECONDS = 20;

    /** The lines with the figures of the bars (the ingest benchmark's DashboardRun reads them). */
    public static final String OPEN_LINE = "open with %,d messages in the range %s: window built %d ms; funnel KPIs %d ms, "
            + "latency and throughput charts %d ms, then Messages clicked: page %d ms, then Phones clicked: "
            + "phones %d ms (first %d rows complete); all views filled in %d ms; every median of the "
            + "phones page (%d rows) %d ms%n";
    public static final String HEAP_LINE = "heap after open: %d MiB used of %d MiB max%n";
    public static final String LOAD_LINE = "load: %,.0f statuses/s accepted (target %,d), %,d refused or failed; "
            + "%d frames, frame gap p50 %.1f ms, p99 %.1f ms, max %.1f ms, gaps over 50 ms: %d%n";

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("java.awt.headless", "true");
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench-store");
        TimeRange range = args.length > 1 ? TimeRange.valueOf(args[1]) : TimeRange.ALL;
        Files.createDirectories(dir);
        // -Dbench.db: another URL for the same store, e.g. an H2 TCP server holding it in another JVM
        String db = System.getProperty("bench.db");
        java.util.Map<String, String> env = db == null ? java.util.Map.of() : java.util.Map.of("TICKWATCH_DB", db);
        try (RunningTickwatch tw = RunningTickwatch.startForDesktop(dir, env)) {
            fillOnce(tw);
            CompletableFuture<Void> started = new CompletableFuture<>();
            Platform.startup(() -> started.complete(null));
            started.get(10, TimeUnit.SECONDS);

            long t0 = System.nanoTime();
            long fxCpu0 = onFx(DashboardBenchmark::fxCpu);
            Stage[] stage = new Stage[1];
            DashboardWindow window = onFx(() -> {
                DashboardWindow.applyTheme();
                // opened on the range, as a window that remembers it would be: no view reads the default hour first
                DashboardWindow w = new DashboardWindow(DashboardWindow.Parts.of(tw.app(), java.time.ZoneOffset.UTC), range);
                stage[0] = new Stage();
                stage[0].setScene(new Scene(w.root(), 1280, 800));
                stage[0].show();
                return w;
            });
            long built = System.nanoTime();
            long fxCpuBuilt = onFx(DashboardBenchmark::fxCpu);
            Scene scene = onFx(() -> stage[0].getScene());
            // earlier load phases add to the million
            long stored = range == TimeRange.ALL ? tw.queryLong("SELECT COUNT(*) FROM messages")
                    : tw.queryLong("SELECT COUNT(*) FROM messages WHERE first_at >= " + range.since(System.currentTimeMillis()));
            String all = io.tickwatch.ui.common.Format.count(stored);
            // As a person would: look at the overview until it is filled, then click Messages and wait for its
            // rows, then Phones. Screens are built when first shown, so each click's build is in the figure;
            // their data is read from the start, behind the overview.
            long[] at = new long[4];
            at[0] = waitFor(t0, "funnel KPIs", () -> range == TimeRange.ALL
                    ? all.equals(((Label) scene.lookup("#kpiMessages")).getText())
                    // a sliding range moves while it is counted: there any non-zero count is the answer
                    : !"0".equals(((Label) scene.lookup("#kpiMessages")).getText()));
            // the last step of a refresh: latency percentiles (throughput comes before them)
            at[1] = waitFor(t0, "latency", () -> !"–".equals(((Label) scene.lookup("#kpiReadMedian")).getText()));
            onFx(() -> select(scene, "#messagesTab"));
            at[2] = waitFor(t0, "messages page", () -> !((TableView<?>) scene.lookup("#messagesTable")).getItems().isEmpty());
            onFx(() -> select(scene, "#phonesTab"));
            // Only rows of "All" count (not those of a shorter range read before it): over all
            // time the busiest phone has at least MESSAGES / PHONES messages, in one hour a handful.
            // Filled = the rows a person sees complete: the first screenful, medians included (the store may
            // hand the page over while it still counts the medians of rows further down).
            TableView<?> phoneTable = onFx(() -> (TableView<?>) scene.lookup("#phonesTable"));
            at[3] = waitFor(t0, "phones", () -> {
                List<io.tickwatch.store.PhoneRow> rows = phoneTable.getItems().stream()
                        .map(r -> (io.tickwatch.store.PhoneRow) r).toList();
                return rows.size() >= VISIBLE_PHONES
                        && rows.stream().anyMatch(r -> range != TimeRange.ALL || r.messages() >= MESSAGES / PHONES)
                        && rows.subList(0, VISIBLE_PHONES).stream().allMatch(r -> r.read() == 0 || r.medianReadDelay() != null);
            });
            long filled = System.nanoTime();
            long fxCpuFilled = onFx(DashboardBenchmark::fxCpu);
            long wholePage = waitFor(t0, "every median of the phones page", () -> phoneTable.getItems().stream()
                    .map(r -> (io.tickwatch.store.PhoneRow) r).allMatch(r -> r.read() == 0 || r.medianReadDelay() != null));
            onFx(() -> select(scene, "#overviewTab")); // what is on screen while statuses arrive
            System.out.printf(Locale.ROOT, OPEN_LINE, stored, range.label(),
                    ms(built - t0), ms(at[0] - t0), ms(at[1] - t0), ms(at[2] - t0), ms(at[3] - t0), VISIBLE_PHONES,
                    ms(filled - t0), onFx(() -> phoneTable.getItems().size()), ms(wholePage - t0));
            // CPU time does not grow when other programs take the cores: the part of the above that is our own work
            System.out.printf(Locale.ROOT, "FX thread CPU: window build %d ms, until all views filled %d ms%n",
                    ms(fxCpuBuilt - fxCpu0), ms(fxCpuFilled - fxCpu0));
            System.gc();
            Runtime rt = Runtime.getRuntime();
            System.out.printf(Locale.ROOT, HEAP_LINE,
                    (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);

            measurePulsesUnderLoad(tw);
            onFx(() -> {
                stage[0].close();
                window.close();
                return null;
            });
        } finally {
            Platform.exit();
        }
        System.exit(0);
    }

    private static void measurePulsesUnderLoad(RunningTickwatch tw) throws Exception {
        List<Long> gaps = new ArrayList<>();
        GapDiagnosis diagnosis = onFx(GapDiagnosis::startIfAsked);
        AnimationTimer frames = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (last != 0) {
                    gaps.add(now - last);
                }
                if (diagnosis != null) {
                    diagnosis.frame(now);
                }
                last = now;
            }
        };
        // The sender runs in its own JVM: its allocations and threads are not Tickwatch's, and would
        // otherwise show up as this process's GC pauses. Frames are counted from its first request on: the
        // start of a JVM (class loading, its compiler threads) is not statuses arriving.
        Process sender = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "io.tickwatch.bench.StatusLoad",
                tw.uri("/webhook").toString(), Integer.toString(TARGET_RATE), Integer.toString(LOAD_SECONDS),
                Integer.toString(PHONES)).redirectErrorStream(true).start();
        String report = null;
        Work before = null;
        try (java.io.BufferedReader out = sender.inputReader()) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.equals("sending")) {
                    onFx(() -> {
                        frames.start();
                        return null;
                    });
                    before = Work.now();
                } else if (line.startsWith("accepted=")) {
                    report = line;
                }
            }
        }
        sender.waitFor();
        if (report == null || before == null) {
            throw new IllegalStateException("the load generator printed no result (exit " + sender.exitValue() + ")");
        }
        java.util.Map<String, String> figures = new java.util.HashMap<>();
        for (String part : report.split(" ")) {
            String[] kv = part.split("=");
            figures.put(kv[0], kv[1]);
        }
        long accepted = Long.parseLong(figures.get("accepted"));
        long refused = Long.parseLong(figures.get("refused"));
        double seconds = Double.parseDouble(figures.get("seconds"));
        onFx(() -> {
            frames.stop();
            return null;
        });
        Work after = Work.now();
        if (diagnosis != null) {
            onFx(diagnosis::report).forEach(System.out::println);
        }
        List<Long> sorted;
        synchronized (gaps) {
            sorted = new ArrayList<>(gaps);
        }
        sorted.sort(null);
        long over50 = sorted.stream().filter(g -> g > TimeUnit.MILLISECONDS.toNanos(50)).count();
        System.out.printf(Locale.ROOT, LOAD_LINE,
                accepted / seconds, TARGET_RATE, refused, sorted.size(),
                pct(sorted, 0.50), pct(sorted, 0.99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6, over50);
        System.out.println(after.since(before, sorted.size()));
        if (diagnosis != null) {
            System.out.println(after.allocationsSince(before));
        }
    }

    /** Polls a condition on the FX thread until it holds; returns when (System.nanoTime()). */
    private static long waitFor(long t0, String what, Supplier<Boolean> filled) throws InterruptedException {
        while (!onFx(filled)) {
            if (System.nanoTime() - t0 > TimeUnit.SECONDS.toNanos(120)) {
                throw new IllegalStateException(what + " not filled within 120 s");
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
        return System.nanoTime();
    }

    /** Selects the tab whose header has this id, as a click on it does. */
    private static Void select(Scene scene, String tabId) {
        javafx.scene.control.TabPane tabs = (javafx.scene.control.TabPane) scene.lookup("#tabs");
        tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> tabId.equals("#" + t.getId()))
                .findFirst().orElseThrow(() -> new IllegalStateException("no tab " + tabId)));
        return null;
    }

    /** CPU time of the calling thread (the FX thread when called through {@link #onFx}). */
    private static long fxCpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** What the process did meanwhile: GC pauses and bytes allocated, the FX thread's CPU time. */
    private record Work(long gcCount, long gcMillis, long allocated, long fxCpu, java.util.Map<String, Long> byThread) {

        static Work now() {
            long count = 0;
            long millis = 0;
            for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
                count += gc.getCollectionCount();
                millis += gc.getCollectionTime();
            }
            var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            long[] ids = threads.getAllThreadIds();
            long[] bytes = threads.getThreadAllocatedBytes(ids);
            java.lang.management.ThreadInfo[] infos = threads.getThreadInfo(ids);
            java.util.Map<String, Long> byThread = new java.util.TreeMap<>();
            for (int i = 0; i < ids.length; i++) {
                if (infos[i] != null && bytes[i] > 0) {
                    byThread.merge(infos[i].getThreadName().replaceAll("-?\\d+$", ""), bytes[i], Long::sum);
                }
            }
            long allocated = Arrays.stream(bytes).filter(b -> b > 0).sum();
            return new Work(count, millis, allocated, onFx(DashboardBenchmark::fxCpu), byThread);
        }

        /** Bytes allocated meanwhile by each kind of thread, largest first. */
        String allocationsSince(Work start) {
            StringBuilder s = new StringBuilder("allocated during load by thread:");
            byThread.entrySet().stream()
                    .map(e -> java.util.Map.entry(e.getKey(), e.getValue() - start.byThread.getOrDefault(e.getKey(), 0L)))
                    .filter(e -> e.getValue() > (1 << 20))
                    .sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> s.append(String.format(Locale.ROOT, " %s %,d MB;", e.getKey(), e.getValue() >> 20)));
            return s.toString();
        }

        String since(Work start, long frames) {
            return String.format(Locale.ROOT, "during load: FX thread CPU %d ms (%.2f ms per frame); "
                            + "GC %d collections, %d ms; %,d MB allocated by live threads",
                    ms(fxCpu - start.fxCpu), (fxCpu - start.fxCpu) / 1e6 / Math.max(frames, 1),
                    gcCount - start.gcCount, gcMillis - start.gcMillis, (allocated - start.allocated) >> 20);
        }
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * sorted.size()))) / 1e6;
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    /** 1,000,000 messages over the last 7 days by SQL (H2), with their history rows; skipped when present. */
    private static void fillOnce(RunningTickwatch tw) throws Exception {
        if (tw.queryLong("SELECT COUNT(*) FROM messages WHERE id LIKE 'wamid.bench%'") >= MESSAGES) {
            return;
        }
        long t0 = System.nanoTime();
        long now = System.currentTimeMillis();
        long step = 7L * 86_400_000 / MESSAGES;
        try (Connection c = tw.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO webhook_requests (id, received_at, source, format, accepted, rejected, body) VALUES "
                    + "('00000000-0000-0000-0000-00000000be4c', " + now + ", 'benchmark', 'on-premises', 0, 0, "
                    + "'{\"statuses\":[]}')");
            s.execute("INSERT INTO messages (id, phone, phone_at, sent_at, delivered_at, delivered_real, read_at, failed_at, "
                    + "error_code, error_title, error_at, status_rank, first_at, first_received, last_received) "
                    + "SELECT 'wamid.bench' || X, '+9198' || (76543000 + MOD(X, " + PHONES + ")), T, T, "
                    + "CASE WHEN MOD(X, 20) <> 0 THEN T + 1000 + MOD(X * 7, 30000) END, MOD(X, 20) <> 0, "
                    + "CASE WHEN MOD(X, 20) <> 0 AND MOD(X, 3) = 0 THEN T + 60000 + MOD(X * 13, 600000) END, "
                    + "CASE WHEN MOD(X, 20) = 0 THEN T + 2000 END, CASE WHEN MOD(X, 20) = 0 THEN 131026 END, "
                    + "CASE WHEN MOD(X, 20) = 0 THEN 'Message undeliverable' END, CASE WHEN MOD(X, 20) = 0 THEN T + 2000 END, "
                    + "CASE WHEN MOD(X, 20) = 0 THEN 2 WHEN MOD(X, 3) = 0 THEN 4 ELSE 3 END, T, T, T "
                    + "FROM (SELECT X, " + (now - 7L * 86_400_000) + " + X * " + step + " AS T FROM SYSTEM_RANGE(1, "
                    + MESSAGES + "))");
            String req = "CAST('00000000-0000-0000-0000-00000000be4c' AS UUID)";
            s.execute("INSERT INTO status_events (message_id, status, observed_at, received_at, seen, request_id) "
                    + "SELECT id, 'sent', sent_at, first_received, 1, " + req + " FROM messages WHERE id LIKE 'wamid.bench%'");
            s.execute("INSERT INTO status_events (message_id, status, observed_at, received_at, seen, request_id) "
                    + "SELECT id, 'delivered', delivered_at, first_received, 1, " + req + " FROM messages "
                    + "WHERE id LIKE 'wamid.bench%' AND delivered_at IS NOT NULL");
            s.execute("INSERT INTO status_events (message_id, status, observed_at, received_at, seen, request_id) "
                    + "SELECT id, 'read', read_at, first_received, 1, " + req + " FROM messages "
                    + "WHERE id LIKE 'wamid.bench%' AND read_at IS NOT NULL");
            s.execute("INSERT INTO status_events (message_id, status, observed_at, received_at, seen, request_id) "
                    + "SELECT id, 'failed', failed_at, first_received, 1, " + req + " FROM messages "
                    + "WHERE id LIKE 'wamid.bench%' AND failed_at IS NOT NULL");
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM status_events")) {
                rs.next();
                System.out.printf(Locale.ROOT, "filled %,d messages and %,d history rows in %d s%n", MESSAGES,
                        rs.getLong(1), TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0));
            }
        }
        // The fill went around the writer, which keeps the per-minute aggregates otherwise.
        try (io.tickwatch.store.JdbcStatusStore store = io.tickwatch.store.StoreFactory.open(tw.jdbcUrl(), 2)) {
            store.recountAggregates();
        }
    }

    private static <T> T onFx(Supplier<T> work) {
        return FxCalls.onFx(work, 30);
    }
}
