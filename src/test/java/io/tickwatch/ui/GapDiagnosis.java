package io.tickwatch.ui;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * For the dashboard benchmark ({@code -Dbench.diagnose=true}, Linux only): what a long frame gap was made of.
 * At every frame it reads the scheduler's account of the FX thread and of the renderer thread
 * ({@code /proc/.../schedstat}: nanoseconds on a CPU, nanoseconds runnable but waiting for one), so each
 * gap over 50 ms splits into the FX thread's own work, the renderer's work, time both spent waiting for a
 * CPU, and the rest (blocked: a GC or other safepoint pause, or waiting for each other). The JVM uptime
 * printed with each gap lines it up with {@code -Xlog:gc*,safepoint:...:uptime} lines. FX thread only.
 */
final class GapDiagnosis {

    private record Sample(long uptimeMillis, long nanos, long[] fx, long[] renderer) {
    }

    private final Path renderer;
    private final List<String> report = new ArrayList<>();
    private Sample last;

    private GapDiagnosis(Path renderer) {
        this.renderer = renderer;
    }

    /** Null unless {@code -Dbench.diagnose=true}. Call on the FX thread. */
    static GapDiagnosis startIfAsked() {
        if (!Boolean.getBoolean("bench.diagnose")) {
            return null;
        }
        Path found = null;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                if (Files.readString(t.resolve("comm")).startsWith("QuantumRenderer")) {
                    found = t.resolve("schedstat");
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new GapDiagnosis(found);
    }

    void frame(long now) {
        Sample s = new Sample(ManagementFactory.getRuntimeMXBean().getUptime(), now,
                read(Path.of("/proc/thread-self/schedstat")), renderer == null ? new long[2] : read(renderer));
        if (last != null && now - last.nanos > 50_000_000L) {
            long gap = now - last.nanos;
            long fxCpu = s.fx[0] - last.fx[0];
            long fxWait = s.fx[1] - last.fx[1];
            long rCpu = s.renderer[0] - last.renderer[0];
            long rWait = s.renderer[1] - last.renderer[1];
            report.add(String.format(Locale.ROOT,
                    "gap %6.1f ms ending at uptime %d ms: FX thread on CPU %5.1f, waiting for a CPU %5.1f; "
                            + "renderer on CPU %5.1f, waiting for a CPU %5.1f",
                    gap / 1e6, s.uptimeMillis, fxCpu / 1e6, fxWait / 1e6, rCpu / 1e6, rWait / 1e6));
        }
        last = s;
    }

    List<String> report() {
        return report;
    }

    private static long[] read(Path schedstat) {
        try {
            String[] f = Files.readString(schedstat).trim().split(" ");
            return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])};
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
