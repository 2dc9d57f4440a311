package io.tickwatch.ui.failures;

import io.tickwatch.ingest.Phones;
import io.tickwatch.live.TimeRange;
import io.tickwatch.model.PhoneMask;
import io.tickwatch.store.DashboardQueries;
import io.tickwatch.store.FailureReason;
import io.tickwatch.ui.common.DisplaySettings;
import io.tickwatch.ui.common.Format;
import io.tickwatch.ui.common.LatestOnly;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The failures screen's state: failed messages of the chosen range grouped by error code and title (in
 * SQL), for every phone or one, each group with its explanation. FX thread only; queries run on the
 * window's executor.
 */
public final class FailuresViewModel {

    /** More distinct code/title pairs than this is a sign of free-text titles; the rest is summed up. */
    public static final int LIMIT = 200;

    private final DashboardQueries queries;
    private final DisplaySettings display;
    private final LongSupplier clock;
    private final ObservableList<FailureRow> rows = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty phoneMessage = new SimpleStringProperty("");
    private final LatestOnly<List<FailureReason>> loader;
    private final ChangeListener<TimeRange> rangeChanged = (obs, old, now) -> changed();
    private final ChangeListener<Boolean> privacyChanged = (obs, old, now) -> showSummary();
    private String phone;
    private List<FailureReason> shown = List.of();
    private long lastLiveReload;
    private boolean showing;
    private boolean stale = true;

    public FailuresViewModel(DashboardQueries queries, Executor executor, DisplaySettings display, LongSupplier clock) {
        this.queries = queries;
        this.display = display;
        this.clock = clock;
        this.loader = new LatestOnly<>(executor, this::show, e -> summary.set("Cannot read failures: " + e.getMessage()));
        display.rangeProperty().addListener(rangeChanged);
        display.privacyProperty().addListener(privacyChanged);
    }

    /** Whether the failures tab is on screen: failures are grouped only then (a GROUP BY over the range). */
    public void shown(boolean shown) {
        showing = shown;
        if (shown && stale) {
            reload();
        }
    }

    private void changed() {
        stale = true;
        if (showing) {
            reload();
        }
    }

    public void reload() {
        stale = false;
        Long since = display.rangeProperty().get().since(clock.getAsLong());
        String p = phone;
        loader.request(() -> queries.failureReasons(since, p, LIMIT));
    }

    /** New data arrived: on view, regroup at most every two seconds (a GROUP BY over the range's failures). */
    public void storeChanged() {
        stale = true;
        long now = clock.getAsLong();
        if (showing && now - lastLiveReload >= 2_000 && !loader.busy()) {
            lastLiveReload = now;
            reload();
        }
    }

    /**
     * Shows the failures of the phone typed (any spacing, with or without "+"), or of every phone when
     * the text is blank. Text that is not a phone number is refused with a message; the table stays.
     */
    public boolean showPhone(String typed) {
        if (typed == null || typed.isBlank()) {
            phoneMessage.set("");
            phone = null;
            changed();
            return true;
        }
        String normalised = Phones.normalise(typed);
        if (normalised == null) {
            phoneMessage.set("\"" + typed.trim() + "\" is not a phone number: type its digits, e.g. +919876543210");
            return false;
        }
        phoneMessage.set("");
        phone = normalised;
        changed();
        return true;
    }

    /** The phone whose failures are shown, null for all. */
    public String phone() {
        return phone;
    }

    private void show(List<FailureReason> result) {
        shown = result;
        long total = result.stream().mapToLong(FailureReason::messages).sum();
        rows.setAll(result.stream().map(r -> FailureRow.of(r, total)).toList());
        showSummary();
    }

    private void showSummary() {
        long total = shown.stream().mapToLong(FailureReason::messages).sum();
        String who = phone == null ? "all phones" : display.privacyProperty().get() ? PhoneMask.mask(phone) : phone;
        summary.set(Format.count(total) + (total == 1 ? " failed message" : " failed messages") + ", "
                + shown.size() + (shown.size() == 1 ? " reason" : " reasons") + " · " + who
                + (shown.size() >= LIMIT ? " · the first " + LIMIT + " reasons" : ""));
    }

    public void close() {
        loader.stop();
        display.rangeProperty().removeListener(rangeChanged);
        display.privacyProperty().removeListener(privacyChanged);
    }

    public ObservableList<FailureRow> rows() { return rows; }
    public StringProperty summaryProperty() { return summary; }
    public StringProperty phoneMessageProperty() { return phoneMessage; }
}
