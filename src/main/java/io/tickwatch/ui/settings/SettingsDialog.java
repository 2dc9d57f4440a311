package io.tickwatch.ui.settings;

import io.tickwatch.config.Settings;
import io.tickwatch.ui.common.ControllerFactory;
import io.tickwatch.ui.common.Fx;
import io.tickwatch.ui.common.Fxml;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings window: built from {@code settings.fxml} through a fail-fast {@link ControllerFactory},
 * modal to the dashboard that opened it. Owns the executor that reads and writes the config file, tests
 * connections and moves the receiver, so none of that runs on the FX thread or delays the dashboard's
 * queries. Closing it lets work in progress finish (a save half-applied would be worse than a late one).
 * Built and used on the FX thread.
 */
public final class SettingsDialog {

    private static final Logger LOG = LoggerFactory.getLogger(SettingsDialog.class);
    /** How long "Test connection" waits for a database before saying it did not answer. */
    public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ExecutorService executor;
    private final SettingsViewModel model;
    private final Stage stage = new Stage();

    public SettingsDialog(Settings running, SettingsTargets targets, Duration probeTimeout) {
        Fx.assertFxThread();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "tickwatch-settings-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> LOG.error("settings work failed", e));
            return t;
        });
        this.model = new SettingsViewModel(running, executor, probeTimeout, targets);
        SettingsController controller = new SettingsController(model, stage::close);
        Parent root = new ControllerFactory()
                .register(SettingsController.class, () -> controller)
                .load(Fxml.SETTINGS).getRoot();
        stage.setTitle("Tickwatch settings");
        stage.setScene(new Scene(root));
        stage.setOnHidden(e -> executor.shutdown());
    }

    /** Shows the dialog over {@code owner} and reads the config file in the background. */
    public void show(Window owner) {
        Fx.assertFxThread();
        if (owner != null && stage.getOwner() == null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
        model.load();
        stage.show();
        stage.toFront();
    }

    public boolean isShowing() {
        return stage.isShowing();
    }

    public void toFront() {
        stage.toFront();
    }

    public void close() {
        Fx.assertFxThread();
        stage.close();
    }

    public SettingsViewModel model() {
        return model;
    }
}
