package io.tickwatch.ui;

import atlantafx.base.theme.PrimerLight;
import io.tickwatch.App;
import io.tickwatch.live.OverviewFeed;
import io.tickwatch.live.TimeRange;
import io.tickwatch.store.DashboardQueries;
import io.tickwatch.ui.common.ControllerFactory;
import io.tickwatch.ui.common.DisplaySettings;
import io.tickwatch.ui.common.Fx;
import io.tickwatch.ui.common.Fxml;
import io.tickwatch.ui.inspector.InspectorController;
import io.tickwatch.ui.inspector.InspectorViewModel;
import io.tickwatch.ui.inspector.RequestReplay;
import io.tickwatch.ui.messages.MessagesController;
import io.tickwatch.ui.messages.MessagesViewModel;
import io.tickwatch.ui.overview.OverviewController;
import io.tickwatch.ui.overview.OverviewViewModel;
import io.tickwatch.ui.phones.PhonesController;
import io.tickwatch.ui.phones.PhonesViewModel;
import io.tickwatch.ui.shell.ShellController;
import io.tickwatch.ui.shell.ShellViewModel;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
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
                        io.tickwatch.receiver.RequestLog requestLog) {

        public static Parts of(App app, ZoneId localZone) {
            return new Parts(app.webhookUrl(), app.storeDescription(), app.overview(), app.dashboardQueries(),
                    localZone, System::currentTimeMillis, app.settings(), app.requestLog());
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
    private final InspectorViewModel inspectorModel;
    private final InspectorController inspector;
    private final Parent root;
    private final Timeline ticker;
    private final ChangeListener<TimeRange> rangeChanged;
    private long lastSequence = -1;

    public DashboardWindow(Parts parts) {
        Fx.assertFxThread();
        this.feed = parts.feed();
        this.display = new DisplaySettings(parts.localZone());
        display.privacyProperty().set(parts.settings() != null && parts.settings().privacy());
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "tickwatch-ui-query-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> LOG.error("dashboard query thread failed", e));
            return t;
        });
        this.shellModel = new ShellViewModel(parts.webhookUrl(), parts.storeDescription());
        this.overviewModel = new OverviewViewModel(parts.webhookUrl());
        this.messagesModel = new MessagesViewModel(parts.queries(), executor, display, parts.clock());
        this.phonesModel = new PhonesViewModel(parts.queries(), executor, display, parts.clock(), this::drillDown);
        this.shell = new ShellController(shellModel, display);
        this.overview = new OverviewController(overviewModel, display);
        this.messages = new MessagesController(messagesModel, display);
        this.phones = new PhonesController(phonesModel, display);
        this.inspectorModel = new InspectorViewModel(parts.requestLog(), new RequestReplay(parts.webhookUrl(),
                parts.settings() == null ? null : parts.settings().appSecret(),
                parts.settings() == null ? null : parts.settings().webhookToken()), executor, display);
        this.inspector = new InspectorController(inspectorModel, display);
        this.root = new ControllerFactory()
                .register(ShellController.class, () -> shell)
                .register(OverviewController.class, () -> overview)
                .register(MessagesController.class, () -> messages)
                .register(PhonesController.class, () -> phones)
                .register(InspectorController.class, () -> inspector)
                .load(Fxml.DASHBOARD).getRoot();
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
        inspectorModel.poll();
        if (s.data().sequence() != lastSequence) {
            lastSequence = s.data().sequence();
            messagesModel.storeChanged();
            phonesModel.storeChanged();
        }
    }

    private void drillDown(String phone) {
        messagesModel.showPhone(phone);
        shell.showMessages();
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
        display.rangeProperty().removeListener(rangeChanged);
        overview.close();
        messages.close();
        phones.close();
        inspector.close();
        shell.close();
        executor.shutdownNow();
    }
}
