package io.tickwatch.bench;

import io.tickwatch.durability.CrashRounds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Writes BENCHMARKS.md: machine, command, date, the figures, and each bar of DESIGN.md §6 met or not. */
final class BenchmarkReport {

    private BenchmarkReport() {
    }

    static String markdown(List<IngestBenchmark.Row> rows, List<IngestBenchmark.HttpCeiling> httpCeilings,
                           List<StoreCeiling.Result> ceilings,
                           List<AnalyticsBenchmark.Result> analytics, List<IngestBenchmark.Crash> crashes,
                           DashboardRun.Result dashboard, String args, int connections, double seconds,
                           String date) {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmarks\n\n");
        md.append("Written by the ingest benchmark on ").append(date).append(". Re-run with:\n\n```sh\n")
                .append("mvn -q test-compile exec:exec@ingest-benchmark").append(args.isBlank() ? "" : " -Dbench.args='" + args + "'")
                .append("\n```\n\n");
        md.append("Machine: ").append(machine()).append(". Load generator and server share this machine: ")
                .append(connections).append(" keep-alive connections, ").append(fmt(seconds))
                .append(" s per measurement after 3 s of warm-up. Stream: statuses of a campaign (sent, delivered, ")
                .append("read, 3 % failed), shuffled within windows of 64, 5 % sent twice.\n\n");
        md.append("## Ingest\n\n");
        md.append("| store | statuses/request | system | statuses/s | ack p50 ms | ack p99 ms | ack max ms | p99 at half load ms | refused | messages | wrong final states |\n");
        md.append("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (IngestBenchmark.Row r : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %,.0f | %.1f | %.1f | %.1f | %.1f | %d | %,d | %,d |%n",
                    r.backend(), r.perRequest(), r.system(), r.statusesPerSecond(), r.p50(), r.p99(), r.max(),
                    r.halfP99(), r.refused(), r.messages(), r.mismatches()));
        }
        md.append("\nRatios (Tickwatch / naive statuses per second):\n\n");
        for (IngestBenchmark.Row tw : rows) {
            if (tw.system().equals("Tickwatch")) {
                naive(rows, tw).ifPresent(n -> md.append(String.format(Locale.ROOT, "- %s, %d per request: **%.1f×**%n",
                        tw.backend(), tw.perRequest(), tw.statusesPerSecond() / n.statusesPerSecond())));
            }
        }
        if (!httpCeilings.isEmpty()) {
            md.append("\n## What HTTP alone takes\n\nThe same load generator against the same HTTP stack (Undertow: body "
                    + "gathered on the IO thread, handed to a worker thread, answer written by the IO thread, as Tickwatch does) answering every request with the success "
                    + "body, without parsing or storing anything (`EmptyReceiver`). This is the room the HTTP layer and "
                    + "the load generator leave on this machine's cores before any work of Tickwatch's own.\n\n"
                    + "| statuses/request | requests/s | ack p50 ms | ack p99 ms |\n| ---: | ---: | ---: | ---: |\n");
            for (IngestBenchmark.HttpCeiling h : httpCeilings) {
                md.append(String.format(Locale.ROOT, "| %d | %,.0f | %.1f | %.1f |%n", h.perRequest(),
                        h.requestsPerSecond(), h.p50(), h.p99()));
            }
        }
        if (!ceilings.isEmpty()) {
            md.append("\n## What the store alone takes\n\nThe same statuses written straight to the store without HTTP "
                    + "(with a raw request row per request, as the receiver writes them), in group commits of the size "
                    + "the writer gets: with " + connections + " connections at one status per request, no commit can "
                    + "hold more than " + connections + " statuses, because each sender waits for its answer. Commits of "
                    + String.format(Locale.ROOT, "%,d", StoreCeiling.LARGE_BATCH) + " show what bigger commits would "
                    + "give. When these are close to the HTTP "
                    + "figures above, the store is the limit.\n\n"
                    + "| store | 1 status/request, commits of " + connections + " | 1 status/request, commits of "
                    + String.format(Locale.ROOT, "%,d", StoreCeiling.LARGE_BATCH) + " | 100 statuses/request, commits of "
                    + String.format(Locale.ROOT, "%,d", ceilings.get(0).hundredBatch()) + " |\n| --- | ---: | ---: | ---: |\n");
            for (StoreCeiling.Result c : ceilings) {
                md.append(String.format(Locale.ROOT, "| %s | %,.0f statuses/s | %,.0f statuses/s | %,.0f statuses/s |%n",
                        c.backend(), c.onePerRequestSmall(), c.onePerRequest(), c.hundredPerRequest()));
            }
        }
        for (AnalyticsBenchmark.Result a : analytics) {
            md.append(String.format(Locale.ROOT, "%n## Analytics with %,d messages, %s%n%n", a.messages(), a.backend()))
                    .append(String.format(Locale.ROOT, "Filled in bulk with SQL in %.0f s (a week's campaign: all sent "
                            + "and delivered, 70 %% read, 50,000 phones, %,d history rows); Tickwatch headless with "
                            + "-Xmx512m. Each API call is timed over HTTP once in the fresh JVM (first call: its code not "
                            + "compiled yet, the store's caches empty), then, after %.0f s of unmeasured calls, %d times "
                            + "(median, p95): the dashboard asks for its figures every half second in a process that "
                            + "is warm.%n%n", a.fillSeconds(), a.messages() * 27L / 10,
                            AnalyticsBenchmark.WARM_UP_MILLIS / 1000.0, AnalyticsBenchmark.REPEAT))
                    .append("| API call | first call ms | median ms | p95 ms |\n| --- | ---: | ---: | ---: |\n");
            for (AnalyticsBenchmark.Timing t : a.timings()) {
                md.append(String.format(Locale.ROOT, "| %s (`%s`) | %.1f | %.1f | %.1f |%n", t.what(), t.path(),
                        t.firstMs(), t.medianMs(), t.p95Ms()));
            }
            md.append(String.format(Locale.ROOT, "%nHeap in use after these calls: %,d MiB; resident memory: %,d MiB.%n",
                    a.heapUsedBytes() >> 20, a.residentBytes() >> 20));
        }
        crashes(md, crashes);
        dashboard(md, dashboard);
        halfLoad(md, rows);
        limits(md, rows, httpCeilings, ceilings, analytics);
        md.append("\n## Bars of DESIGN.md §6\n\n| bar | figure | met |\n| --- | --- | --- |\n");
        for (IngestBenchmark.Row tw : rows) {
            if (!tw.system().equals("Tickwatch")) {
                continue;
            }
            Optional<IngestBenchmark.Row> naive = naive(rows, tw);
            double ratio = naive.map(n -> tw.statusesPerSecond() / n.statusesPerSecond()).orElse(Double.NaN);
            if (tw.perRequest() == 1 && tw.backend().equals("H2")) {
                bar(md, "durable ingest, 1 status/request, H2: ≥ 15,000 statuses/s and ≥ 5× naive",
                        String.format(Locale.ROOT, "%,.0f/s, %.1f×", tw.statusesPerSecond(), ratio),
                        tw.statusesPerSecond() >= 15_000 && ratio >= 5);
            }
            if (tw.perRequest() == 100) {
                bar(md, "durable ingest, 100 statuses/request, " + tw.backend() + ": ≥ 60,000 statuses/s and ≥ 25× naive",
                        String.format(Locale.ROOT, "%,.0f/s, %.1f×", tw.statusesPerSecond(), ratio),
                        tw.statusesPerSecond() >= 60_000 && ratio >= 25);
            }
            bar(md, "ack latency at half of saturation, " + tw.backend() + ", " + tw.perRequest() + "/request: p99 ≤ 20 ms",
                    String.format(Locale.ROOT, "p99 %.1f ms", tw.halfP99()), tw.halfP99() <= 20);
            bar(md, "correct final states, " + tw.backend() + ", " + tw.perRequest() + "/request: 0 wrong",
                    String.format(Locale.ROOT, "%,d wrong of %,d", tw.mismatches(), tw.messages()), tw.mismatches() == 0);
        }
        for (AnalyticsBenchmark.Result a : analytics) {
            AnalyticsBenchmark.Timing funnel = a.timings().get(0);
            bar(md, String.format(Locale.ROOT, "funnel and KPI refresh with %,d messages, %s: ≤ 10 ms", a.messages(),
                    a.backend()), String.format(Locale.ROOT, "median %.1f ms over HTTP, p95 %.1f ms (first call in a "
                            + "fresh JVM: %.1f ms; maintained per-minute and per-hour figures)", funnel.medianMs(),
                            funnel.p95Ms(), funnel.firstMs()),
                    funnel.medianMs() <= 10);
        }
        for (IngestBenchmark.Crash c : crashes) {
            CrashRounds.Result r = c.result();
            bar(md, "kill -9 during load, ≥ 20 rounds, " + c.backend() + ": 0 acknowledged statuses lost",
                    String.format(Locale.ROOT, "%d rounds, %,d lost of %,d acknowledged", r.rounds().size(), r.lost(),
                            r.acknowledged()), r.rounds().size() >= 20 && r.lost() == 0);
        }
        if (dashboard != null) {
            bar(md, String.format(Locale.ROOT, "dashboard open with %,d messages (H2): all views filled in ≤ 3 s; "
                            + "heap ≤ 512 MiB", dashboard.messages()),
                    String.format(Locale.ROOT, "%.2f s; %d MiB in use after opening", dashboard.openMillis() / 1000.0,
                            dashboard.heapMiB()), dashboard.openMillis() <= 3_000 && dashboard.heapMiB() <= 512);
            bar(md, "UI while ingesting 10,000 statuses/s: no FX pulse over 50 ms",
                    String.format(Locale.ROOT, "%d of %,d frame gaps over 50 ms (longest %.1f ms) with %,d statuses/s "
                            + "accepted", dashboard.gapsOver50(), dashboard.frames(), dashboard.gapMaxMillis(),
                            dashboard.acceptedPerSecond()), dashboard.gapsOver50() == 0);
        }
        md.append("\nHostile input (never a 5xx, never a crash, never a changed row) is not measured by this command: "
                + "`mvn verify` checks it (HostileBodiesTest, HostileInputPropertyOverHttpTest, MalformedBodyOverHttpTest "
                + "and the saved inputs of ParsingFuzzTest; README, \"Security and hostile input\").\n");
        return md.toString();
    }

    private static void crashes(StringBuilder md, List<IngestBenchmark.Crash> crashes) {
        if (crashes.isEmpty()) {
            return;
        }
        md.append("\n## Kill -9 during load\n\nEach round starts Tickwatch headless as its own process on one store, "
                + "loads it over HTTP from 8 connections until 400 requests are acknowledged, kills it with SIGKILL, "
                + "and checks every status answered 200 in every round so far against the reopened store.\n\n"
                + "| store | rounds | statuses acknowledged | acknowledged and not stored |\n| --- | ---: | ---: | ---: |\n");
        for (IngestBenchmark.Crash c : crashes) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %,d | %,d |%n", c.backend(), c.result().rounds().size(),
                    c.result().acknowledged(), c.result().lost()));
        }
    }

    private static void dashboard(StringBuilder md, DashboardRun.Result d) {
        if (d == null) {
            return;
        }
        md.append(String.format(Locale.ROOT, "%n## The dashboard with %,d messages%n%n", d.messages()))
                .append("`DashboardBenchmark` in a JVM of its own with the options of `mvn javafx:run` (`")
                .append(String.join(" ", d.jvmOptions())).append("`), headless: "
                + "the window opened on that H2 store and range \"All\", timed until the overview, "
                + "the Messages page and the first screenful of Phones are filled (clicked through as a person would); "
                + "then FX frame gaps while a load generator in another JVM offers 10,000 statuses/s for 20 s "
                + "(docs/dashboard.md, which also sets out what the gaps over 50 ms are on this machine).\n\n"
                + "| all views filled | heap in use after opening | statuses/s accepted | frames | frame gap p99 | "
                + "longest gap | gaps over 50 ms |\n| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        md.append(String.format(Locale.ROOT, "| %.2f s | %d MiB | %,d | %,d | %.1f ms | %.1f ms | %d |%n",
                d.openMillis() / 1000.0, d.heapMiB(), d.acceptedPerSecond(), d.frames(), d.gapP99Millis(),
                d.gapMaxMillis(), d.gapsOver50()));
    }

    /** The half-load tail beside the collector's pauses in the same seconds (from the server's GC log). */
    private static void halfLoad(StringBuilder md, List<IngestBenchmark.Row> rows) {
        md.append("\n## The tail at half load\n\nEach server JVM logs its garbage collector's stop-the-world pauses, "
                + "and Tickwatch's `/metrics` has a histogram of its group commits (scraped before and after); these "
                + "are the pauses and commits during the paced run at half of saturation. Every request in flight "
                + "waits out a pause, so when pauses take more than 1 % of the time, the p99 is at least about as long "
                + "as a pause; a request that arrives during a commit waits for it and then for its own.\n\n"
                + "| store | statuses/request | system | p99 at half load ms | GC pauses | longest pause ms "
                + "| time in pauses | commits | items per commit | commit mean ms | commit p99 ≤ ms | commits > 50 ms "
                + "| slowest commit ≤ ms |\n"
                + "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (IngestBenchmark.Row r : rows) {
            GcPauses.Summary gc = r.halfGc();
            CommitTimes.Summary c = r.halfCommits();
            String commits = c.commits() == 0 ? "– | – | – | – | – | –" : String.format(Locale.ROOT,
                    "%,d | %.1f | %.1f | %.0f | %d | %.0f", c.commits(), c.itemsPerCommit(), c.meanMillis(),
                    c.p99AtMostMillis(), c.over50Millis(), c.slowestAtMostMillis());
            md.append(String.format(Locale.ROOT, "| %s | %d | %s | %.1f | %d | %.1f | %.1f %% | %s |%n", r.backend(),
                    r.perRequest(), r.system(), r.halfP99(), gc.pauses(), gc.maxMillis(),
                    100 * gc.totalMillis() / 1000 / r.halfSeconds(), commits));
        }
    }

    /** Where the figures stop, computed from this run's own measurements, and what would lift them. */
    private static void limits(StringBuilder md, List<IngestBenchmark.Row> rows,
                               List<IngestBenchmark.HttpCeiling> httpCeilings, List<StoreCeiling.Result> ceilings,
                               List<AnalyticsBenchmark.Result> analytics) {
        if (ceilings.isEmpty() || httpCeilings.isEmpty()) {
            return;
        }
        md.append("\n## What limits the figures\n\n");
        for (StoreCeiling.Result c : ceilings) {
            for (IngestBenchmark.Row tw : rows) {
                if (!tw.system().equals("Tickwatch") || !tw.backend().equals(c.backend())) {
                    continue;
                }
                Optional<IngestBenchmark.HttpCeiling> http = httpCeilings.stream()
                        .filter(h -> h.perRequest() == tw.perRequest()).findFirst();
                if (http.isEmpty()) {
                    continue;
                }
                double httpStatuses = http.get().requestsPerSecond() * tw.perRequest();
                double store = tw.perRequest() == 1 ? c.onePerRequestSmall() : c.hundredPerRequest();
                int batch = tw.perRequest() == 1 ? c.connections() : c.hundredBatch();
                md.append(String.format(Locale.ROOT, "- %s, %d per request: %,.0f statuses/s over HTTP. HTTP alone "
                                + "carries %,.0f statuses/s (%.0f %% used); the store alone takes %,.0f statuses/s in "
                                + "commits of %,d (%.0f %% used). ", c.backend(), tw.perRequest(), tw.statusesPerSecond(),
                        httpStatuses, 100 * tw.statusesPerSecond() / httpStatuses, store, batch,
                        100 * tw.statusesPerSecond() / store));
                md.append(store < httpStatuses
                        ? "The store is the tighter limit, and it shares the two cores with the HTTP work and the load "
                          + "generator, so together they reach less than either alone. "
                        : "HTTP and the load generator are the tighter limit on these cores. ");
                md.append(tw.perRequest() == 1
                        ? "Bigger group commits would lift it (compare the commits of "
                          + String.format(Locale.ROOT, "%,d", StoreCeiling.LARGE_BATCH)
                          + " above; they need more requests waiting at once, i.e. more sender connections), and so "
                          + "would a core of its own for the writer.\n"
                        : "A store that dirties fewer pages per status (the raw request row, the history row, the "
                          + "indexes of the messages table) or more cores would lift it.\n");
            }
        }
        for (StoreCeiling.Result c : ceilings) {
            double one = c.onePerRequestSmall() / naiveRate(rows, c.backend(), 1);
            double hundred = c.hundredPerRequest() / naiveRate(rows, c.backend(), 100);
            md.append(String.format(Locale.ROOT, "- %s against the naive baseline: the store alone, with no HTTP at all, "
                    + "is %.1f× the baseline at 1 status per request (bar: 5×, %s) and %.1f× at 100 (bar: 25×, %s). "
                    + "The baseline's autocommitted statements are cheap on this machine, so a ratio above the store's "
                    + "own cannot come from the ingest path.%n", c.backend(), one,
                    one >= 5 ? "within the store's reach; per-request work holds it back" : "out of the store's reach",
                    hundred, hundred >= 25 ? "within the store's reach" : "out of the store's reach"));
        }
        for (AnalyticsBenchmark.Result a : analytics) {
            md.append(String.format(Locale.ROOT, "- %s, funnel with %,d messages: %.1f ms over HTTP (one message: "
                    + "%.1f ms, the cost of a request). The figures are maintained in the write transaction "
                    + "(funnel_minutes, funnel_hours, status_counts): a range reads whole hours and the minutes at "
                    + "its ends, not the messages. The per-phone top 50 reads the maintained phone_totals, then the "
                    + "exact median read delay of those 50 phones from their messages.%n",
                    a.backend(), a.messages(), a.timings().get(0).medianMs(), a.timings().get(3).medianMs()));
        }
    }

    private static double naiveRate(List<IngestBenchmark.Row> rows, String backend, int perRequest) {
        return rows.stream().filter(r -> r.system().equals("naive") && r.backend().equals(backend)
                && r.perRequest() == perRequest).mapToDouble(IngestBenchmark.Row::statusesPerSecond).findFirst()
                .orElse(Double.NaN);
    }

    private static Optional<IngestBenchmark.Row> naive(List<IngestBenchmark.Row> rows, IngestBenchmark.Row tw) {
        return rows.stream().filter(r -> r.system().equals("naive") && r.backend().equals(tw.backend())
                && r.perRequest() == tw.perRequest()).findFirst();
    }

    private static void bar(StringBuilder md, String bar, String figure, boolean met) {
        md.append("| ").append(bar).append(" | ").append(figure).append(" | ").append(met ? "met" : "**not met**")
                .append(" |\n");
    }

    private static String machine() {
        String cpu = "unknown CPU";
        String memory = "";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> String.format(Locale.ROOT, ", %.0f GiB",
                            Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0)).orElse("");
        } catch (IOException | RuntimeException e) {
            // not Linux: keep what we have
        }
        return Runtime.getRuntime().availableProcessors() + " cores (" + cpu + ")" + memory + ", Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.version");
    }

    private static String fmt(double seconds) {
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }
}
