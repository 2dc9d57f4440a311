package io.tickwatch.export;

import io.tickwatch.model.PhoneMask;
import io.tickwatch.store.DashboardQueries;
import io.tickwatch.store.PhoneColumn;
import io.tickwatch.store.PhoneRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Exports the phones table — every phone with messages first seen in the range, not only the rows on
 * screen — in the table's order, streamed from the store row by row. Phones are masked when asked.
 * Blocks: runs on a background thread; cancelled through its progress.
 */
public final class PhoneExport {

    public static final List<String> HEADER = List.of("phone", "messages", "delivered", "read", "read_rate",
            "median_read_delay_ms", "last_activity_utc");
    private static final int PROGRESS_EVERY = 1000;

    private final DashboardQueries queries;

    public PhoneExport(DashboardQueries queries) {
        this.queries = queries;
    }

    /** @return the number of phones written */
    public long write(Path target, Long since, Long until, PhoneColumn sort, boolean descending, boolean maskPhones,
                      ExportProgress progress) throws IOException {
        return CsvFile.write(target, HEADER, csv -> {
            long[] written = {0};
            try {
                queries.eachPhone(since, until, sort, descending, row -> {
                    try {
                        csv.record(record(row, maskPhones));
                        if (++written[0] % PROGRESS_EVERY == 0) {
                            progress.written(written[0]);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            progress.written(written[0]);
            return written[0];
        });
    }

    static List<String> record(PhoneRow r, boolean maskPhones) {
        Double rate = r.readRate();
        return List.of(maskPhones ? PhoneMask.mask(r.phone()) : r.phone(), Long.toString(r.messages()),
                Long.toString(r.delivered()), Long.toString(r.read()),
                rate == null ? "" : String.format(Locale.ROOT, "%.4f", rate),
                r.medianReadDelay() == null ? "" : r.medianReadDelay().toString(), Times.utc(r.lastActivity()));
    }
}
