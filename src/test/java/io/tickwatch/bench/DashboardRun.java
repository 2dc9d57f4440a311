package io.tickwatch.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The dashboard's bars of DESIGN.md §6 inside the ingest benchmark's run: starts {@code DashboardBenchmark} (the
 * window on 1,000,000 messages in H2, then 10,000 statuses/s offered) in a JVM of its own with the desktop
 * application's JVM options, and reads its figures from what it prints.
 */
final class DashboardRun {

    /** What one run of the dashboard benchmark printed. */
    record Result(List<String> jvmOptions, long messages, long openMillis, long heapMiB, long acceptedPerSecond,
                  long frames, double gapP99Millis, double gapMaxMillis, long gapsOver50) {
    }

    private static final Pattern OPEN = Pattern.compile("open with ([\\d,]+) messages.*all views filled in (\\d+) ms");
    private static final Pattern HEAP = Pattern.compile("heap after open: (\\d+) MiB used");
    private static final Pattern LOAD = Pattern.compile("load: ([\\d,]+) statuses/s accepted .*; (\\d+) frames, frame gap "
            + "p50 [\\d.]+ ms, p99 ([\\d.]+) ms, max ([\\d.]+) ms, gaps over 50 ms: (\\d+)");

    private DashboardRun() {
    }

    /**
     * @param desktopJvm the JVM options of {@code mvn javafx:run} (the pom passes them to the benchmark)
     * @param store      the folder of the 1,000,000-message store, filled by the first run and reused
     */
    static Result run(List<String> desktopJvm, Path store) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(desktopJvm);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.tickwatch.ui.DashboardBenchmark",
                store.toAbsolutePath().toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = p.inputReader()) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
                if (line.startsWith("filled ") || line.startsWith("open with") || line.startsWith("load:")) {
                    System.out.println("dashboard: " + line);
                }
            }
        }
        int exit = p.waitFor();
        return parse(desktopJvm, lines, "the dashboard benchmark (exit " + exit + ", last lines: "
                + String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size())) + ")");
    }

    /** The figures in what the dashboard benchmark printed ({@code DashboardBenchmark.OPEN_LINE} and the others). */
    static Result parse(List<String> jvmOptions, List<String> lines, String source) {
        Long messages = null;
        Long open = null;
        Long heap = null;
        Matcher load = null;
        for (String line : lines) {
            Matcher m;
            if ((m = OPEN.matcher(line)).find()) {
                messages = Long.parseLong(m.group(1).replace(",", ""));
                open = Long.parseLong(m.group(2));
            } else if ((m = HEAP.matcher(line)).find() && heap == null) {
                heap = Long.parseLong(m.group(1));
            } else if ((m = LOAD.matcher(line)).find()) {
                load = m;
            }
        }
        if (open == null || heap == null || load == null) {
            throw new IllegalStateException(source + " printed no " + (open == null ? "opening time"
                    : heap == null ? "heap" : "load figures") + " (" + lines.size() + " lines)");
        }
        return new Result(List.copyOf(jvmOptions), messages, open, heap, Long.parseLong(load.group(1).replace(",", "")), Long.parseLong(load.group(2)),
                Double.parseDouble(load.group(3)), Double.parseDouble(load.group(4)), Long.parseLong(load.group(5)));
    }
}
