package io.tickwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwatch.ui.DashboardBenchmark;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The ingest benchmark reads the dashboard's figures from the lines DashboardBenchmark prints, in its own formats. */
class DashboardRunTest {

    private static final String OPEN = String.format(Locale.ROOT, DashboardBenchmark.OPEN_LINE, 1_000_000L, "all",
            1449L, 1596L, 1597L, 2047L, 2444L, 30, 2451L, 500, 3004L).trim();
    private static final String HEAP = String.format(Locale.ROOT, DashboardBenchmark.HEAP_LINE, 67L, 512L).trim();
    private static final String LOAD = String.format(Locale.ROOT, DashboardBenchmark.LOAD_LINE, 9_840.4, 10_000, 0L, 1231,
            16.0, 33.0, 63.9, 2L).trim();

    @Test
    void readsTheFiguresOfEveryBarAmongOtherLines() {
        DashboardRun.Result r = DashboardRun.parse(List.of("-Xmx512m"), List.of("INFO store ready", OPEN, "FX thread CPU: window build 870 ms",
                HEAP, "WARNING: something", LOAD, "during load: FX thread CPU 660 ms"), "test");
        assertThat(r).isEqualTo(new DashboardRun.Result(List.of("-Xmx512m"), 1_000_000, 2451, 67, 9_840, 1231, 33.0, 63.9, 2));
    }

    @Test
    void aRunThatEndsBeforeItsLoadFiguresIsAnError() {
        assertThatThrownBy(() -> DashboardRun.parse(List.of(), List.of(OPEN, HEAP, "Exception in thread main"), "the run"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("the run printed no load figures");
    }
}
