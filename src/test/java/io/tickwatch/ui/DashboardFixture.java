package io.tickwatch.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.App;
import io.tickwatch.testing.RunningTickwatch;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A real dashboard window on a real Tickwatch (H2 file, Undertow on a loopback port), shown on the
 * headless Monocle screen. "Local" time is Asia/Kolkata (UTC+05:30) whatever the machine's zone, so a
 * zone switch always changes what is shown.
 */
final class DashboardFixture implements AutoCloseable {

    static final ZoneId LOCAL = ZoneId.of("Asia/Kolkata");

    final RunningTickwatch tickwatch;
    final App app;
    final FxRobot robot = new FxRobot();
    final Stage stage;
    DashboardWindow window;

    DashboardFixture(RunningTickwatch tickwatch) throws TimeoutException {
        this(tickwatch, tickwatch.app(), io.tickwatch.live.TimeRange.LAST_HOUR);
    }

    /** A window opened on {@code range}. */
    DashboardFixture(RunningTickwatch tickwatch, io.tickwatch.live.TimeRange range) throws TimeoutException {
        this(tickwatch, tickwatch.app(), range);
    }

    /** A window on a Tickwatch started some other way (e.g. from a config file). */
    DashboardFixture(App app) throws TimeoutException {
        this(null, app, io.tickwatch.live.TimeRange.LAST_HOUR);
    }

    private DashboardFixture(RunningTickwatch tickwatch, App app, io.tickwatch.live.TimeRange range) throws TimeoutException {
        this.tickwatch = tickwatch;
        this.app = app;
        FxToolkit.registerPrimaryStage();
        this.stage = FxToolkit.registerStage(Stage::new);
        robot.interact(() -> {
            DashboardWindow.applyTheme();
            window = new DashboardWindow(DashboardWindow.Parts.of(app, LOCAL), range);
            stage.setScene(new Scene(window.root(), 1280, 800));
            stage.show();
            stage.toFront();
        });
    }

    /** Reads from the scene on the FX thread. */
    <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    <T extends Node> T node(String id, Class<T> type) {
        T n = robot.lookup("#" + id).queryAs(type);
        assertThat(n).as("node #" + id).isNotNull();
        return n;
    }

    String text(String id) {
        Labeled l = node(id, Labeled.class);
        return fx(l::getText);
    }

    boolean visible(String id) {
        Node n = node(id, Node.class);
        return fx(() -> n.isVisible() && n.getScene() != null);
    }

    @Override
    public void close() throws TimeoutException {
        robot.interact(() -> {
            stage.close();
            window.close();
        });
        window = null;
        FxToolkit.cleanupStages();
    }
}
