package io.tickwatch.ui;

import io.tickwatch.live.LiveSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Duration;

/**
 * The first window: webhook URL, store and live counts. Loads {@code /fxml/status.fxml} with its
 * controller built here (constructor wiring), and polls the live snapshot twice a second with a
 * {@link Timeline} that {@link #close()} stops, so a closed window leaves nothing running.
 */
final class StatusWindow {

    private final StatusController controller;
    private final LiveSummary live;
    private final Timeline ticker;

    StatusWindow(String webhookUrl, String store, LiveSummary live) {
        this.live = live;
        this.controller = new StatusController(webhookUrl, store);
        this.ticker = new Timeline(new KeyFrame(Duration.millis(500), e -> controller.show(this.live.snapshot())));
        this.ticker.setCycleCount(Timeline.INDEFINITE);
    }

    Parent load() {
        FXMLLoader loader = new FXMLLoader(StatusWindow.class.getResource("/fxml/status.fxml"));
        loader.setControllerFactory(type -> {
            if (type != StatusController.class) {
                throw new IllegalStateException("unexpected controller " + type);
            }
            return controller;
        });
        try {
            Parent root = loader.load();
            controller.show(live.snapshot());
            ticker.play();
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load status.fxml", e);
        }
    }

    void close() {
        ticker.stop();
    }
}
