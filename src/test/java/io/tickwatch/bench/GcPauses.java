package io.tickwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stop-the-world pauses a child JVM logged ({@code -Xlog:gc:file=…}) during one phase of a measurement:
 * mark the log before the phase, read what was added after it. Tells whether an acknowledgement tail is
 * the collector's.
 */
final class GcPauses {

    /** Pauses in one phase. */
    record Summary(int pauses, double maxMillis, double totalMillis) {
    }

    private static final Pattern PAUSE = Pattern.compile("Pause.* ([0-9.]+)ms");

    private final Path log;

    GcPauses(Path log) {
        this.log = log;
    }

    /** The JVM option that makes a child write the log read here. */
    String jvmOption() {
        return "-Xlog:gc:file=" + log.toAbsolutePath();
    }

    /** How many lines the log holds now. */
    int mark() throws IOException {
        return lines().size();
    }

    /** The pauses logged after {@code mark}. */
    Summary since(int mark) throws IOException {
        List<String> lines = lines();
        int pauses = 0;
        double max = 0;
        double total = 0;
        for (String line : lines.subList(Math.min(mark, lines.size()), lines.size())) {
            Matcher m = PAUSE.matcher(line);
            if (m.find()) {
                double ms = Double.parseDouble(m.group(1));
                pauses++;
                max = Math.max(max, ms);
                total += ms;
            }
        }
        return new Summary(pauses, max, total);
    }

    private List<String> lines() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }
}
