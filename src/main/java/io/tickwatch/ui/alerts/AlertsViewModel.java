package io.tickwatch.ui.alerts;

import io.tickwatch.alerts.AlertEvent;
import io.tickwatch.alerts.AlertListener;
import io.tickwatch.alerts.AlertMonitor;
import io.tickwatch.alerts.AlertStatus;
import io.tickwatch.alerts.RuleReading;
import io.tickwatch.alerts.ThresholdsInput;
import io.tickwatch.config.AlertThresholds;
import io.tickwatch.live.TimeRange;
import io.tickwatch.store.DashboardQueries;
import io.tickwatch.store.DataQuality;
import io.tickwatch.ui.common.DisplaySettings;
import io.tickwatch.ui.common.Format;
import io.tickwatch.ui.common.LatestOnly;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The alerts screen's state: every rule's reading, the alert history, the thresholds as typed (validated
 * here, applied to the monitor) and the data-quality figures of the chosen range. The monitor reports on
 * its own thread; each report is copied to the FX thread with one {@code runLater}. Data-quality counts are
 * queried on the window's executor. FX thread only, apart from the monitor's listener.
 */
public final class AlertsViewModel {

    /**
     * Data-quality counts read the range's events (with 1,000,000 messages: about a second for 24 h, 5 s on
     * PostgreSQL and 12 s on H2 for all time), so they are counted only while the screen shows, and while data
     * flows at most this often.
     */
    static final long QUALITY_REFRESH_MILLIS = 30_000;

    private final AlertMonitor monitor;
    private final Consumer<AlertThresholds> apply;
    private final DashboardQueries queries;
    private final DisplaySettings display;
    private final LongSupplier clock;
    private final ObservableList<RuleReading> readings = FXCollections.observableArrayList();
    private final ObservableList<AlertEvent> history = FXCollections.observableArrayList();
    private final IntegerProperty active = new SimpleIntegerProperty();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty deliveryRateMin = new SimpleStringProperty();
    private final StringProperty undeliveredCount = new SimpleStringProperty();
    private final StringProperty undeliveredMinutes = new SimpleStringProperty();
    private final StringProperty readRateMin = new SimpleStringProperty();
    private final StringProperty deliverySecondsMax = new SimpleStringProperty();
    private final StringProperty webhookErrors = new SimpleStringProperty();
    private final StringProperty thresholdsMessage = new SimpleStringProperty("");
    private final BooleanProperty thresholdsInvalid = new SimpleBooleanProperty();
    private final StringProperty rejected = new SimpleStringProperty("–");
    private final StringProperty duplicates = new SimpleStringProperty("–");
    private final StringProperty outOfOrder = new SimpleStringProperty("–");
    private final StringProperty signatureFailures = new SimpleStringProperty("–");
    private final StringProperty qualityRange = new SimpleStringProperty("");
    private final LatestOnly<DataQuality> quality;
    private final AlertListener listener = (status, changes) -> Platform.runLater(() -> show(status, changes));
    private final ChangeListener<TimeRange> rangeChanged = (obs, old, now) -> qualityChanged();
    private Consumer<AlertEvent> onTransition = e -> { };
    private AlertThresholds shownThresholds;
    private long lastQualityReload;
    private boolean showing;
    private boolean qualityStale = true;
    private boolean closed;

    /**
     * @param apply puts thresholds in force (the window's property, which the monitor and the settings dialog
     *              follow)
     */
    public AlertsViewModel(AlertMonitor monitor, Consumer<AlertThresholds> apply, DashboardQueries queries,
                           Executor executor, DisplaySettings display, LongSupplier clock) {
        this.monitor = monitor;
        this.apply = apply;
        this.queries = queries;
        this.display = display;
        this.clock = clock;
        this.quality = new LatestOnly<>(executor, this::showQuality,
                e -> qualityRange.set("Cannot read the data-quality figures: " + e.getMessage()));
        showThresholds(monitor.thresholds());
        show(monitor.status(), List.of());
        monitor.addListener(listener);
        display.rangeProperty().addListener(rangeChanged);
    }

    /** Called for every rule that fires or clears, after the screen shows it (the desktop notification). */
    public void onTransition(Consumer<AlertEvent> action) {
        this.onTransition = action;
    }

    private void show(AlertStatus status, List<AlertEvent> changes) {
        if (closed) {
            return;
        }
        readings.setAll(status.readings());
        history.setAll(status.history());
        active.set(status.active().size());
        summary.set(summaryOf(status));
        if (!status.thresholds().equals(shownThresholds) && status.thresholds().equals(monitor.thresholds())) {
            showThresholds(status.thresholds()); // replaced elsewhere (the settings dialog)
        }
        changes.forEach(onTransition);
    }

    private String summaryOf(AlertStatus status) {
        if (status.evaluatedAt() == 0) {
            return status.storeReachable() ? "Not evaluated yet" : "The store cannot be read: alerts keep their last state";
        }
        String when = "evaluated " + Format.time(status.evaluatedAt(), display.zoneProperty().get());
        String state = status.active().isEmpty() ? "All clear" : status.active().size() == 1 ? "1 alert firing"
                : status.active().size() + " alerts firing";
        return state + " · " + when + (status.storeReachable() ? "" : " · the store cannot be read: alerts keep their last state");
    }

    private void showThresholds(AlertThresholds t) {
        shownThresholds = t;
        deliveryRateMin.set(ThresholdsInput.text(t.deliveryRateMinPercent()));
        undeliveredCount.set(Integer.toString(t.undeliveredCount()));
        undeliveredMinutes.set(Integer.toString(t.undeliveredMinutes()));
        readRateMin.set(ThresholdsInput.text(t.readRateMinPercent()));
        deliverySecondsMax.set(ThresholdsInput.text(t.deliverySecondsMax()));
        webhookErrors.set(Integer.toString(t.webhookErrors()));
    }

    /**
     * Checks the typed thresholds: all valid, they go to the monitor (which re-evaluates at once); any
     * invalid, nothing changes and the message names each bad field.
     */
    public boolean applyThresholds() {
        ThresholdsInput input = ThresholdsInput.parse(deliveryRateMin.get(), undeliveredCount.get(),
                undeliveredMinutes.get(), readRateMin.get(), deliverySecondsMax.get(), webhookErrors.get());
        if (!input.valid()) {
            thresholdsInvalid.set(true);
            thresholdsMessage.set("Not applied: " + String.join("; ", input.problems()) + ".");
            return false;
        }
        thresholdsInvalid.set(false);
        shownThresholds = input.thresholds();
        apply.accept(input.thresholds());
        thresholdsMessage.set("Applied until Tickwatch stops (Settings saves them to the config file).");
        return true;
    }

    /** Puts the monitor's thresholds back in the fields. */
    public void revertThresholds() {
        showThresholds(monitor.thresholds());
        thresholdsInvalid.set(false);
        thresholdsMessage.set("");
    }

    /** Whether the alerts tab is on screen: the data quality is counted only then. */
    public void shown(boolean shown) {
        showing = shown;
        if (shown && qualityStale) {
            reloadQuality();
        }
    }

    private void qualityChanged() {
        qualityStale = true;
        if (showing) {
            reloadQuality();
        }
    }

    public void reloadQuality() {
        qualityStale = false;
        TimeRange range = display.rangeProperty().get();
        Long since = range.since(clock.getAsLong());
        lastQualityReload = clock.getAsLong();
        quality.request(() -> queries.dataQuality(since));
        qualityRange.set(range == TimeRange.ALL ? "all time" : "last " + range.label());
    }

    /** New data arrived: recount the data quality, on view at most every {@value #QUALITY_REFRESH_MILLIS} ms. */
    public void storeChanged() {
        qualityStale = true;
        if (showing && clock.getAsLong() - lastQualityReload >= QUALITY_REFRESH_MILLIS && !quality.busy()) {
            reloadQuality();
        }
    }

    private void showQuality(DataQuality q) {
        rejected.set(Format.count(q.rejectedItems()));
        duplicates.set(Format.count(q.duplicatesAbsorbed()));
        outOfOrder.set(Format.count(q.outOfOrder()));
        signatureFailures.set(Format.count(q.signatureFailures()));
    }

    public void close() {
        closed = true;
        monitor.removeListener(listener);
        display.rangeProperty().removeListener(rangeChanged);
        quality.stop();
    }

    public ObservableList<RuleReading> readings() { return readings; }
    public ObservableList<AlertEvent> history() { return history; }
    public ReadOnlyIntegerProperty activeProperty() { return active; }
    public StringProperty summaryProperty() { return summary; }
    public StringProperty deliveryRateMinProperty() { return deliveryRateMin; }
    public StringProperty undeliveredCountProperty() { return undeliveredCount; }
    public StringProperty undeliveredMinutesProperty() { return undeliveredMinutes; }
    public StringProperty readRateMinProperty() { return readRateMin; }
    public StringProperty deliverySecondsMaxProperty() { return deliverySecondsMax; }
    public StringProperty webhookErrorsProperty() { return webhookErrors; }
    public StringProperty thresholdsMessageProperty() { return thresholdsMessage; }
    public BooleanProperty thresholdsInvalidProperty() { return thresholdsInvalid; }
    public StringProperty rejectedProperty() { return rejected; }
    public StringProperty duplicatesProperty() { return duplicates; }
    public StringProperty outOfOrderProperty() { return outOfOrder; }
    public StringProperty signatureFailuresProperty() { return signatureFailures; }
    public StringProperty qualityRangeProperty() { return qualityRange; }
    public AlertThresholds thresholds() { return monitor.thresholds(); }
}
