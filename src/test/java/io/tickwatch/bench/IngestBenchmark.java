package io.tickwatch.bench;

import io.tickwatch.durability.CrashRounds;
import io.tickwatch.testing.ChildJvm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ingest benchmark (issue "Benchmark"): starts Tickwatch headless in its own JVM, drives it over
 * real HTTP with many keep-alive connections at 1 and at 100 statuses per request, then does the same
 * for the naive baseline (the guide's per-status read-then-write) on the same kind of database, for H2
 * and PostgreSQL, in one run. Prints statuses per second, acknowledgement latency (p50, p99, max at
 * saturation; p99 at half of saturation), the ratios, and correctness of the final states against the
 * reference merge; writes BENCHMARKS.md.
 *
 * <p>Run: {@code mvn -q test-compile exec:exec@ingest-benchmark} (see the README for options).
 */
public final class IngestBenchmark {

    private static final int PHONES = 5_000;

    /** One measured configuration. */
    record Row(String backend, int perRequest, String system, double statusesPerSecond, double p50, double p99,
               double max, double halfP99, GcPauses.Summary halfGc, CommitTimes.Summary halfCommits, double halfSeconds, long refused, long messages,
               long mismatches) {
    }

    private final Path workDir;
    private final int connections;
    private final double seconds;
    /** One more JVM option of the servers (Tickwatch and the naive receiver alike), or none. */
    private final List<String> serverJvm;

    private IngestBenchmark(Path workDir, int connections, double seconds, List<String> serverJvm) {
        this.workDir = workDir;
        this.connections = connections;
        this.seconds = seconds;
        this.serverJvm = serverJvm;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        Path workDir = Path.of(options.getOrDefault("work", "target/bench")).toAbsolutePath();
        Files.createDirectories(workDir);
        IngestBenchmark bench = new IngestBenchmark(workDir, Integer.parseInt(options.getOrDefault("connections", "32")),
                Double.parseDouble(options.getOrDefault("seconds", "10")),
                options.containsKey("server-jvm") ? List.of(options.get("server-jvm")) : List.of());
        List<Backend> backends = new ArrayList<>();
        for (String name : options.getOrDefault("backends", "h2,postgresql").split(",")) {
            if (name.equals("h2")) {
                backends.add(Backend.h2(workDir));
            } else if (name.equals("postgresql")) {
                String admin = options.getOrDefault("pg", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
                if (reachable(admin)) {
                    backends.add(Backend.postgresql(admin));
                } else {
                    System.out.println("PostgreSQL at " + admin + " is unreachable: skipped (start it, see .ci/ensure-postgres)");
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        List<HttpCeiling> httpCeilings = new ArrayList<>();
        boolean ingest = Boolean.parseBoolean(options.getOrDefault("ingest", "true"));
        Map<Integer, List<EventStream.Body>> streams = new java.util.TreeMap<>();
        for (int perRequest : ingest ? new int[] {1, 100} : new int[0]) {
            streams.put(perRequest, EventStream.bodies(
                    EventStream.generate("b" + perRequest, perRequest == 1 ? 200_000 : 600_000, PHONES, 42), perRequest));
            HttpCeiling http = bench.measureHttpAlone(perRequest, streams.get(perRequest));
            System.out.printf(Locale.ROOT, "HTTP alone %3d/req: %,9.0f requests/s  p50 %6.1f p99 %7.1f ms%n",
                    perRequest, http.requestsPerSecond(), http.p50(), http.p99());
            httpCeilings.add(http);
        }
        for (Backend backend : ingest ? backends : List.<Backend>of()) {
            for (int perRequest : streams.keySet()) {
                List<EventStream.Body> bodies = streams.get(perRequest);
                rows.add(bench.measure(backend, perRequest, "Tickwatch", bodies));
                rows.add(bench.measure(backend, perRequest, "naive", bodies));
                print(rows.get(rows.size() - 2), rows.get(rows.size() - 1));
            }
        }
        List<StoreCeiling.Result> ceilings = new ArrayList<>();
        List<AnalyticsBenchmark.Result> analytics = new ArrayList<>();
        int analyticsMessages = Integer.parseInt(options.getOrDefault("analytics", "1000000"));
        for (Backend backend : backends) {
            List<EventStream.Status> stream = EventStream.generate("c", 120_000, PHONES, 7);
            StoreCeiling.Result ceiling = StoreCeiling.run(backend, stream, 300_000, bench.connections);
            System.out.printf(Locale.ROOT, "%-10s store alone: %,9.0f st/s at 1/req in commits of %d, %,9.0f in "
                            + "commits of %d; %,9.0f st/s at 100/req in commits of %d%n", backend.name(),
                    ceiling.onePerRequestSmall(), bench.connections, ceiling.onePerRequest(), StoreCeiling.LARGE_BATCH,
                    ceiling.hundredPerRequest(), ceiling.hundredBatch());
            ceilings.add(ceiling);
            if (analyticsMessages > 0) {
                AnalyticsBenchmark.Result a = AnalyticsBenchmark.run(backend, workDir, analyticsMessages);
                for (AnalyticsBenchmark.Timing t : a.timings()) {
                    System.out.printf(Locale.ROOT, "%-10s %,d messages: %-36s first %8.1f ms  median %8.1f ms  p95 %8.1f ms%n",
                            a.backend(), a.messages(), t.what(), t.firstMs(), t.medianMs(), t.p95Ms());
                }
                System.out.printf(Locale.ROOT, "%-10s heap used %,d MiB, resident %,d MiB%n", a.backend(),
                        a.heapUsedBytes() >> 20, a.residentBytes() >> 20);
                analytics.add(a);
            }
        }
        int crashRounds = Integer.parseInt(options.getOrDefault("crash-rounds", "20"));
        List<Crash> crashes = new ArrayList<>();
        for (Backend backend : crashRounds > 0 ? backends : List.<Backend>of()) {
            crashes.add(bench.crash(backend, crashRounds));
        }
        DashboardRun.Result dashboard = null;
        if (Boolean.parseBoolean(options.getOrDefault("dashboard", "true"))) {
            // the pom passes the options of mvn javafx:run: measuring the window with other ones would not be the bar
            String desktopJvm = System.getProperty("bench.desktop.jvm");
            if (desktopJvm == null) {
                throw new IllegalArgumentException("-Dbench.desktop.jvm (the desktop's JVM options, comma-separated) is "
                        + "missing: run mvn -q test-compile exec:exec@ingest-benchmark, or add --dashboard false");
            }
            dashboard = DashboardRun.run(List.of(desktopJvm.split(",")), Path.of(options.getOrDefault("dashboard-store", "target/bench-store")));
        }
        Path report = Path.of(options.getOrDefault("report", "BENCHMARKS.md"));
        Files.writeString(report, BenchmarkReport.markdown(rows, httpCeilings, ceilings, analytics, crashes, dashboard,
                String.join(" ", args),
                bench.connections, bench.seconds, ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE)));
        System.out.println("Written " + report.toAbsolutePath());
    }

    /** Kill -9 rounds during load on one backend. */
    record Crash(String backend, CrashRounds.Result result) {
    }

    private Crash crash(Backend backend, int rounds) throws Exception {
        String run = "crash_" + backend.name().toLowerCase(Locale.ROOT);
        String url = backend.freshUrl(run);
        Path dir = workDir.resolve(run);
        Files.createDirectories(dir);
        CrashRounds.Result result = CrashRounds.run(dir, url, rounds,
                (number, of, round) -> System.out.printf(Locale.ROOT, "%-10s kill -9 round %d/%d: acknowledged %,d "
                                + "(so far %,d), lost %d%n", backend.name(), number, of, round.acknowledged(),
                        round.acknowledgedSoFar(), round.lost()));
        backend.drop(run);
        return new Crash(backend.name(), result);
    }

    /** Requests per second that the HTTP stack and the load generator alone carry on this machine. */
    record HttpCeiling(int perRequest, double requestsPerSecond, double p50, double p99) {
    }

    private HttpCeiling measureHttpAlone(int perRequest, List<EventStream.Body> bodies) throws Exception {
        Path dir = workDir.resolve("http_alone_" + perRequest);
        Files.createDirectories(dir);
        ChildJvm child = ChildJvm.start(dir, List.of("-Xmx1g"), "io.tickwatch.bench.EmptyReceiver", Map.of());
        try {
            HttpLoad.runRepeating(child.port(), connections, bodies, 3);
            HttpLoad.Result r = HttpLoad.runRepeating(child.port(), connections, bodies, seconds);
            return new HttpCeiling(perRequest, r.requests() / r.seconds(), r.latencyMillis(0.50), r.latencyMillis(0.99));
        } finally {
            child.terminate();
        }
    }

    private Row measure(Backend backend, int perRequest, String system, List<EventStream.Body> bodies)
            throws Exception {
        String run = (system + "_" + backend.name() + "_" + perRequest).toLowerCase(Locale.ROOT);
        String url = backend.freshUrl(run);
        Files.createDirectories(workDir.resolve(run));
        boolean tickwatch = system.equals("Tickwatch");
        GcPauses gc = new GcPauses(workDir.resolve(run).resolve("gc.log"));
        List<String> jvm = new ArrayList<>(List.of("-Xmx1g", gc.jvmOption()));
        jvm.addAll(serverJvm);
        ChildJvm child = tickwatch
                ? ChildJvm.start(workDir.resolve(run), jvm, "io.tickwatch.Launcher",
                        Map.of(), "--headless", "--port", "0", "--db", url)
                : ChildJvm.start(workDir.resolve(run), jvm,
                        "io.tickwatch.bench.NaiveReceiver", Map.of(), url);
        HttpLoad.Result warm;
        HttpLoad.Result saturated;
        HttpLoad.Result half;
        GcPauses.Summary halfGc;
        CommitTimes.Summary halfCommits = CommitTimes.Summary.NONE;
        try {
            warm = HttpLoad.run(child.port(), connections, bodies, 0, 3);
            int used = (int) warm.requests();
            saturated = HttpLoad.run(child.port(), connections, bodies.subList(used, bodies.size()), 0, seconds);
            used += (int) saturated.requests();
            double halfRate = saturated.requests() / saturated.seconds() / 2;
            int gcMark = gc.mark();
            CommitTimes commits = tickwatch ? new CommitTimes(child.port()) : null; // the naive receiver has no /metrics
            CommitTimes.Scrape before = commits == null ? null : commits.scrape();
            half = HttpLoad.run(child.port(), connections, bodies.subList(used, bodies.size()), halfRate, seconds);
            halfGc = gc.since(gcMark);
            if (commits != null) {
                halfCommits = CommitTimes.between(before, commits.scrape());
            }
        } finally {
            child.terminate();
        }
        List<EventStream.Body> acknowledged = new ArrayList<>(warm.acknowledged());
        acknowledged.addAll(saturated.acknowledged());
        acknowledged.addAll(half.acknowledged());
        Map<String, FinalStates.Funnel> reference = FinalStates.reference(acknowledged);
        Map<String, FinalStates.Funnel> stored = tickwatch ? FinalStates.tickwatch(url) : FinalStates.naive(url);
        long mismatches = FinalStates.mismatches(reference, stored);
        backend.drop(run);
        return new Row(backend.name(), perRequest, system, saturated.statusesPerSecond(), saturated.latencyMillis(0.50),
                saturated.latencyMillis(0.99), saturated.maxLatencyMillis(), half.latencyMillis(0.99), halfGc, halfCommits, half.seconds(),
                warm.refused() + saturated.refused() + half.refused(), reference.size(), mismatches);
    }

    private static void print(Row tw, Row naive) {
        System.out.printf(Locale.ROOT, "%-10s %3d/req  Tickwatch %,9.0f st/s  p50 %6.1f p99 %7.1f max %7.1f ms  "
                        + "half-load p99 %6.1f ms (GC %d pauses, longest %.1f ms; commits %.1f items, mean %.1f ms, p99 <= %.0f ms, %d over 50 ms, slowest <= %.0f ms)  "
                        + "mismatches %d/%d%n", tw.backend(),
                tw.perRequest(), tw.statusesPerSecond(), tw.p50(), tw.p99(), tw.max(), tw.halfP99(),
                tw.halfGc().pauses(), tw.halfGc().maxMillis(), tw.halfCommits().itemsPerCommit(),
                tw.halfCommits().meanMillis(), tw.halfCommits().p99AtMostMillis(), tw.halfCommits().over50Millis(),
                tw.halfCommits().slowestAtMostMillis(), tw.mismatches(), tw.messages());
        System.out.printf(Locale.ROOT, "%-10s %3d/req  naive     %,9.0f st/s  p50 %6.1f p99 %7.1f max %7.1f ms  "
                        + "half-load p99 %6.1f ms  mismatches %d/%d  refused %d%n", naive.backend(), naive.perRequest(),
                naive.statusesPerSecond(), naive.p50(), naive.p99(), naive.max(), naive.halfP99(), naive.mismatches(),
                naive.messages(), naive.refused());
        System.out.printf(Locale.ROOT, "%-10s %3d/req  ratio     %9.1f×%n", tw.backend(), tw.perRequest(),
                tw.statusesPerSecond() / naive.statusesPerSecond());
    }

    private static boolean reachable(String url) {
        try (Connection c = DriverManager.getConnection(url)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** {@code --name value} pairs. */
    private static final class Options {
        static Map<String, String> parse(String[] args) throws IOException {
            Map<String, String> options = new java.util.HashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!args[i].startsWith("--")) {
                    throw new IOException("expected --name value pairs, got " + args[i]);
                }
                options.put(args[i].substring(2), args[i + 1]);
            }
            return options;
        }
    }
}
