package io.tickwatch.ui;

import io.tickwatch.App;
import io.tickwatch.cli.CommandLineParser;
import io.tickwatch.config.Settings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.ZoneId;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop application. The receiver and store start in {@link #init()} (JavaFX's launcher thread,
 * not the FX thread) and stop on a separate thread after the window closes, so the FX thread never
 * waits for the database.
 */
public final class DesktopApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopApp.class);

    private App app;
    private String startFailure;

    @Override
    public void init() {
        StringWriter errors = new StringWriter();
        CommandLineParser.Outcome outcome = new CommandLineParser(System.getenv(),
                Path.of(System.getProperty("user.home")), new PrintWriter(new StringWriter()),
                new PrintWriter(errors)).parse(getParameters().getRaw().toArray(String[]::new));
        Settings settings = outcome.settings().orElse(null);
        if (settings == null) {
            startFailure = errors.toString().trim();
            return;
        }
        try {
            app = App.start(settings);
        } catch (RuntimeException e) {
            LOG.error("Could not start", e);
            startFailure = "Tickwatch could not start: " + e.getMessage();
        }
    }

    @Override
    public void start(Stage stage) {
        DashboardWindow.applyTheme();
        if (app == null) {
            Alert alert = new Alert(Alert.AlertType.ERROR, startFailure);
            alert.setHeaderText("Tickwatch could not start");
            alert.showAndWait();
            Platform.exit();
            return;
        }
        DashboardWindow window = new DashboardWindow(DashboardWindow.Parts.of(app, ZoneId.systemDefault()));
        stage.setTitle("Tickwatch");
        Rectangle2D screen = Screen.getPrimary().getVisualBounds(); // small laptop screens get a smaller window
        stage.setScene(new Scene(window.root(), Math.min(1280, screen.getWidth()), Math.min(860, screen.getHeight())));
        stage.setOnHidden(e -> window.close());
        stage.show();
    }

    @Override
    public void stop() {
        if (app != null) {
            Thread closer = new Thread(app::close, "tickwatch-shutdown");
            closer.setDaemon(false); // the JVM waits for it: the queue is drained and the store closed
            closer.start();
        }
    }
}
