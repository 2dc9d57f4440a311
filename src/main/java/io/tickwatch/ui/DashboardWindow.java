package io.tickwatch.ui;

import atlantafx.base.theme.PrimerLight;
import io.tickwatch.App;
import io.tickwatch.alerts.AlertMonitor;
import io.tickwatch.concurrent.ThreadPolicy;
import io.tickwatch.config.AlertThresholds;
import io.tickwatch.live.OverviewFeed;
import io.tickwatch.live.TimeRange;
import io.tickwatch.store.DashboardQueries;
import io.tickwatch.ui.alerts.AlertsController;
import io.tickwatch.ui.alerts.AlertsViewModel;
import io.tickwatch.ui.common.ControllerFactory;
import io.tickwatch.ui.common.DisplaySettings;
import io.tickwatch.ui.common.Fx;
import io.tickwatch.ui.common.Fxml;
import io.tickwatch.ui.common.LazyTabs;
import io.tickwatch.ui.demo.DemoStartController;
import io.tickwatch.ui.demo.DemoToggleController;
import io.tickwatch.ui.demo.DemoTrafficViewModel;
import io.tickwatch.ui.failures.FailuresController;
import io.tickwatch.ui.failures.FailuresViewModel;
import io.tickwatch.ui.inspector.InspectorController;
import io.tickwatch.ui.inspector.InspectorViewModel;
import io.tickwatch.ui.inspector.RequestReplay;
import io.tickwatch.ui.messages.MessagesController;
import io.tickwatch.ui.messages.MessagesViewModel;
import io.tickwatch.ui.overview.OverviewController;
import io.tickwatch.ui.overview.OverviewViewModel;
import io.tickwatch.ui.phones.PhonesController;
import io.tickwatch.ui.phones.PhonesViewModel;
import io.tickwatch.ui.settings.SettingsDialog;
import io.tickwatch.ui.settings.SettingsTargets;
import io.tickwatch.ui.shell.ShellController;
import io.tickwatch.ui.shell.ShellViewModel;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongSupplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.scene.Parent;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One dashboard window's content: builds the screens' view-models and controllers (constructor wiring
 * through one fail-fast {@link ControllerFactory}), owns the query executor and the one {@link Timeline}
 * that takes a coalesced live snapshot {@value #TICKS_PER_SECOND} times a second. {@link #close()} stops
 * the timeline and the executor and removes every listener it added, so a closed window can be collected.
 * Built and closed on the FX thread.
 */
public final class DashboardWindow {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardWindow.class);
    static final int TICKS_PER_SECOND = 10;
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** What a window needs from the running application. */
    public record Parts(String webhookUrl, String storeDescription, OverviewFeed feed, DashboardQueries queries,
                        ZoneId localZone, LongSupplier clock, io.tickwatch.config.Settings settings,
                        io.tickwatch.receiver.RequestLog requestLog,
                        Function<io.tickwatch.config.Settings, String> receiver,
                        io.tickwatch.demo.DemoTraffic demo, ThreadPolicy threads) {

        public static Parts of(App app, ZoneId localZone) {
            return new Parts(app.webhookUrl(), app.storeDescription(), app.overview(), app.dashboardQueries(),
                    localZone, System::currentTimeMillis, app.settings(), app.requestLog(), app::reconfigureReceiver,
                    app.demo(), app.threads());
        }
    }

    private final OverviewFeed feed;
    private final DisplaySettings display;
    private final ExecutorService executor;
    private final ShellViewModel shellModel;
    private final OverviewViewModel overviewModel;
    private final MessagesViewModel messagesModel;
    private final PhonesViewModel phonesModel;
    private final ShellController shell;
    private final OverviewController overview;
    private final MessagesController messages;
    private final PhonesController phones;
    private final DemoTrafficViewModel demoModel;
    private final DemoToggleController demoToggle;
    private final InspectorViewModel inspectorModel;
    private final InspectorController inspector;
    private final AlertMonitor alertMonitor;
    private final AlertsViewModel alertsModel;
    private final FailuresViewModel failuresModel;
    private final AlertsController alerts;
    private final FailuresController failures;
    private final ChangeListener<AlertThresholds> thresholdsChanged;
    private final Parent root;
    private final LazyTabs lazyTabs;
    private final Timeline ticker;
    private final ChangeListener<TimeRange> rangeChanged;
    private final ChangeListener<javafx.scene.control.Tab> tabChanged;
    private long lastSequence = -1;
    private final Parts parts;
    /** The alert rules' thresholds: from the settings at start, replaced when the settings dialog saves new ones. */
    private final ObjectProperty<AlertThresholds> alertThresholds;
    private SettingsDialog settingsDialog;

    /** A window on the default range, the last hour. */
    public DashboardWindow(Parts parts) {
        this(parts, TimeRange.LAST_HOUR);
    }

    /**
     * A window whose views read {@code openingRange} from the start: a range chosen only after construction
     * would first have every view read the default one, then read again.
     */
    public DashboardWindow(Parts parts, TimeRange openingRange) {
        Fx.assertFxThread();
        this.feed = parts.feed();
        this.display = new DisplaySettings(parts.localZone());
        display.rangeProperty().set(openingRange);
        this.parts = parts;
        display.useZone(parts.settings().timeZone());
        display.privacyProperty().set(parts.settings().privacy());
        this.alertThresholds = new SimpleObjectProperty<>(parts.settings().alerts());
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = parts.threads().newThread(r, "tickwatch-ui-query-" + THREADS.incrementAndGet());
            t.setUncaughtExceptionHandler((th, e) -> LOG.error("dashboard query thread failed", e));
            return t;
        });
        this.shellModel = new ShellViewModel(parts.webhookUrl(), parts.storeDescription());
        this.overviewModel = new OverviewViewModel(parts.webhookUrl());
        this.messagesModel = new MessagesViewModel(parts.queries(), executor, display, parts.clock(), parts.threads());
        this.phonesModel = new PhonesViewModel(parts.queries(), executor, display, parts.clock(), this::drillDown,
                parts.threads());
        this.shell = new ShellController(shellModel, display);
        this.overview = new OverviewController(overviewModel, display);
        this.messages = new MessagesController(messagesModel, display);
        this.phones = new PhonesController(phonesModel, display);
        this.demoModel = new DemoTrafficViewModel(parts.demo());
        this.demoToggle = new DemoToggleController(demoModel);
        this.inspectorModel = new InspectorViewModel(parts.requestLog(), new RequestReplay(parts.demo()::target), executor, display);
        this.inspector = new InspectorController(inspectorModel, display);
        // The alert rules run for the window that shows them (headless receivers have no one to notify).
        this.alertMonitor = new AlertMonitor(parts.queries(), alertThresholds.get(), parts.clock(), parts.threads());
        this.alertsModel = new AlertsViewModel(alertMonitor, alertThresholds::set, parts.queries(), executor, display,
                parts.clock());
        this.failuresModel = new FailuresViewModel(parts.queries(), executor, display, parts.clock());
        this.alerts = new AlertsController(alertsModel, display);
        this.failures = new FailuresController(failuresModel, display);
        this.root = new ControllerFactory()
                .register(ShellController.class, () -> shell)
                .register(OverviewController.class, () -> overview)
                .register(DemoToggleController.class, () -> demoToggle)
                .register(DemoStartController.class, () -> new DemoStartController(demoModel))
                .load(Fxml.DASHBOARD).getRoot();
        this.lazyTabs = new LazyTabs(shell.selectedTab())
                .add(shell.messagesTab(), Fxml.MESSAGES, MessagesController.class, messages)
                .add(shell.phonesTab(), Fxml.PHONES, PhonesController.class, phones)
                .add(shell.requestsTab(), Fxml.INSPECTOR, InspectorController.class, inspector)
                .add(shell.failuresTab(), Fxml.FAILURES, FailuresController.class, failures)
                .add(shell.alertsTab(), Fxml.ALERTS, AlertsController.class, alerts);
        // The tables read their first page now, behind the overview, so a screen has its rows when first shown
        messagesModel.reload();
        phonesModel.reload();
        this.tabChanged = (obs, old, now) -> {
            messagesModel.shown(now == shell.messagesTab());
            phonesModel.shown(now == shell.phonesTab());
            alertsModel.shown(now == shell.alertsTab());
            failuresModel.shown(now == shell.failuresTab());
        };
        shell.selectedTab().addListener(tabChanged);
        tabChanged.changed(shell.selectedTab(), null, shell.selectedTab().getValue());
        shell.onSettings(this::openSettings);
        shell.alertsTab().setGraphic(alerts.badge());
        this.thresholdsChanged = (obs, old, now) -> alertMonitor.thresholds(now);
        alertThresholds.addListener(thresholdsChanged);
        alertMonitor.start();
        this.rangeChanged = (obs, old, now) -> feed.select(now);
        display.rangeProperty().addListener(rangeChanged);
        feed.select(display.rangeProperty().get());
        feed.start();
        this.ticker = new Timeline(new KeyFrame(Duration.millis(1000.0 / TICKS_PER_SECOND), e -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        tick();
        ticker.play();
    }

    /** AtlantaFX's Primer Light for every window of the application. */
    public static void applyTheme() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    private void tick() {
        OverviewFeed.Snapshot s = feed.snapshot();
        shellModel.show(s, display.zoneProperty().get());
        overviewModel.show(s);
        demoModel.refresh();
        inspectorModel.poll();
        if (s.data().sequence() != lastSequence) {
            lastSequence = s.data().sequence();
            messagesModel.storeChanged();
            phonesModel.storeChanged();
            alertsModel.storeChanged();
            failuresModel.storeChanged();
        }
    }

    private void drillDown(String phone) {
        messagesModel.showPhone(phone);
        shell.showMessages();
    }

    /** Opens the settings dialog over this window, or brings the open one to the front. */
    public SettingsDialog openSettings() {
        Fx.assertFxThread();
        if (settingsDialog == null || !settingsDialog.isShowing()) {
            settingsDialog = new SettingsDialog(parts.settings(), settingsTargets(), SettingsDialog.PROBE_TIMEOUT);
            settingsDialog.show(root.getScene() == null ? null : root.getScene().getWindow());
        } else {
            settingsDialog.toFront();
        }
        return settingsDialog;
    }

    /** What a saved setting changes in this window and in the receiver behind it. */
    public SettingsTargets settingsTargets() {
        return new SettingsTargets(display, alertThresholds::set, parts.receiver(), this::receiverMoved);
    }

    private void receiverMoved(String url) {
        shellModel.webhookUrl(url);
        overviewModel.webhookUrl(url);
    }

    /** The alert thresholds in force; the alert monitor follows this property. */
    public ReadOnlyObjectProperty<AlertThresholds> alertThresholds() {
        return alertThresholds;
    }

    /** The alert rules of this window; they follow {@link #alertThresholds()}. */
    public AlertMonitor alerts() {
        return alertMonitor;
    }

    public Parent root() {
        return root;
    }

    public DisplaySettings display() {
        return display;
    }

    /** For tests: the screens' view-models, to export to a path without a file dialog. */
    MessagesViewModel messagesModel() {
        return messagesModel;
    }

    PhonesViewModel phonesModel() {
        return phonesModel;
    }

    public void close() {
        Fx.assertFxThread();
        ticker.stop();
        if (settingsDialog != null) {
            settingsDialog.close();
        }
        display.rangeProperty().removeListener(rangeChanged);
        shell.selectedTab().removeListener(tabChanged);
        lazyTabs.close();
        overview.close();
        messages.close();
        phones.close();
        inspector.close();
        alerts.close();
        failures.close();
        alertThresholds.removeListener(thresholdsChanged);
        alertMonitor.close();
        shell.close();
        demoToggle.close();
        demoModel.close();
        // Not shutdownNow: interrupting a thread inside an H2 query closes H2's file channel, and with it the
        // store under the writer ("The database has been closed"). A running query finishes on its own.
        executor.shutdown();
    }
}
