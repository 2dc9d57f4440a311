package io.tickwatch;

import io.tickwatch.cli.CommandLineParser;
import io.tickwatch.config.Settings;
import io.tickwatch.ui.DesktopApp;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import javafx.application.Application;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Entry point of {@code java -jar} and {@code mvn javafx:run}. It does not extend
 * {@link Application}, so JavaFX can stay on the classpath. Headless runs stop gracefully on SIGTERM
 * through a shutdown hook.
 */
public final class Launcher {

    private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);

    private Launcher() {
    }

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        CommandLineParser.Outcome outcome = new CommandLineParser(System.getenv(),
                Path.of(System.getProperty("user.home")), out, err).parse(args);
        if (outcome.settings().isEmpty()) {
            System.exit(outcome.exitCode());
            return;
        }
        Settings settings = outcome.settings().get();
        if (settings.headless()) {
            runHeadless(settings);
        } else {
            Application.launch(DesktopApp.class, args);
        }
    }

    private static void runHeadless(Settings settings) {
        App app;
        try {
            app = App.start(settings);
        } catch (RuntimeException e) {
            LOG.error("Could not start: {}", e.getMessage(), e);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.close();
            stopped.countDown();
        }, "tickwatch-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
