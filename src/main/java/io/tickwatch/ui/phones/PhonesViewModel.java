package io.tickwatch.ui.phones;

import io.tickwatch.concurrent.ThreadPolicy;
import io.tickwatch.export.PhoneExport;
import io.tickwatch.store.DashboardQueries;
import io.tickwatch.store.PhoneColumn;
import io.tickwatch.store.PhoneRow;
import io.tickwatch.ui.common.LiveRefresh;
import io.tickwatch.ui.common.DisplaySettings;
import io.tickwatch.ui.common.ExportRunner;
import io.tickwatch.ui.common.LatestOnly;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import io.tickwatch.live.TimeRange;

/**
 * The phones screen's state: per-phone funnels for the chosen range, sorted by the store, and the
 * drill-down to one phone's messages. FX thread only; queries run on the background executor.
 */
public final class PhonesViewModel {

    public static final int LIMIT = 500;
    /** Rows the store may hand over first, complete, before the rest of the page: more than a screen shows. */
    static final int HEAD = 50;

    private final DashboardQueries queries;
    private final DisplaySettings display;
    private final LongSupplier clock;
    private final Consumer<String> drillDown;
    private final ObservableList<PhoneRow> rows = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");
    private final LatestOnly<List<PhoneRow>> loader;
    private final ChangeListener<TimeRange> rangeChanged = (obs, old, now) -> reload();
    private final ExportRunner export;
    private PhoneColumn sort = PhoneColumn.MESSAGES;
    private boolean descending = true;
    private final LiveRefresh live;
    /** The newest reload asked: an early page of an older one is not shown. */
    private int generation;
    private boolean closed;

    /** @param drillDown shows one phone's messages (given by the window, which knows the other screens) */
    public PhonesViewModel(DashboardQueries queries, Executor executor, DisplaySettings display, LongSupplier clock,
                           Consumer<String> drillDown, ThreadPolicy threads) {
        this.export = new ExportRunner("phones", threads);
        this.queries = queries;
        this.display = display;
        this.clock = clock;
        this.drillDown = drillDown;
        this.loader = new LatestOnly<>(executor, this::show, e -> summary.set("Cannot read phones: " + e.getMessage()));
        display.rangeProperty().addListener(rangeChanged);
        this.live = new LiveRefresh(clock, 2_000, loader::busy, this::reload);
    }

    public void reload() {
        Long since = display.rangeProperty().get().since(clock.getAsLong());
        PhoneColumn s = sort;
        boolean desc = descending;
        int asked = ++generation;
        loader.request(() -> queries.phones(since, null, s, desc, LIMIT, HEAD,
                early -> Platform.runLater(() -> showEarly(asked, early))));
    }

    /** The page with its first rows complete, while the store still counts the other rows' medians. */
    private void showEarly(int asked, List<PhoneRow> page) {
        if (asked == generation && !closed) {
            show(page);
        }
    }

    /** New data arrived: refresh at most every two seconds, and only if shown (a range short of "All" groups its messages). */
    public void storeChanged() {
        live.storeChanged();
    }

    /** Whether the phones tab is on screen. */
    public void shown(boolean shown) {
        live.shown(shown);
    }

    public void sortBy(PhoneColumn column, boolean desc) {
        if (column == sort && desc == descending) {
            return;
        }
        sort = column;
        descending = desc;
        reload();
    }

    public void drillDown(PhoneRow row) {
        if (row != null) {
            drillDown.accept(row.phone());
        }
    }

    private void show(List<PhoneRow> result) {
        rows.setAll(result);
        summary.set(result.size() >= LIMIT ? "Showing the first " + LIMIT + " phones" : result.size() + " phones");
    }

    /**
     * Writes every phone of the range (not only the first {@value #LIMIT} shown), in the table's order, to
     * a CSV file on a thread of its own; phones masked when privacy mode is on.
     */
    public CompletableFuture<Long> exportCsv(Path target) {
        Long since = display.rangeProperty().get().since(clock.getAsLong());
        PhoneColumn s = sort;
        boolean desc = descending;
        boolean mask = display.privacyProperty().get();
        return export.start(target, progress -> new PhoneExport(queries).write(target, since, null, s, desc, mask, progress));
    }

    public ExportRunner export() {
        return export;
    }

    public void close() {
        closed = true;
        export.close();
        loader.stop();
        display.rangeProperty().removeListener(rangeChanged);
    }

    public ObservableList<PhoneRow> rows() { return rows; }
    public StringProperty summaryProperty() { return summary; }
}
