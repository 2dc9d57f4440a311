package io.tickwatch.ui.alerts;

import io.tickwatch.alerts.AlertEvent;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a desktop notification (ControlsFX, a popup in the corner of the dashboard's screen) when a rule
 * fires or clears. Owned by the dashboard window: a notification needs an owner, and without one (the
 * screen is not in a window yet) nothing is shown, since the history keeps the event anyway. FX thread only.
 */
final class AlertNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(AlertNotifier.class);
    private static final String STYLESHEET = AlertNotifier.class.getResource("/fxml/notifications.css").toExternalForm();
    static final Duration SHOWN_FOR = Duration.seconds(10);

    private final Supplier<Window> owner;

    AlertNotifier(Supplier<Window> owner) {
        this.owner = owner;
    }

    void show(AlertEvent event) {
        Window window = owner.get();
        if (window == null || !window.isShowing()) {
            LOG.debug("No window to notify in: {}", event.headline());
            return;
        }
        if (window.getScene() != null && !window.getScene().getStylesheets().contains(STYLESHEET)) {
            window.getScene().getStylesheets().add(STYLESHEET); // popups take their owner scene's stylesheets
        }
        Notifications n = Notifications.create()
                .owner(window)
                .title((event.fired() ? "Alert: " : "Cleared: ") + event.rule().title())
                .text(event.headline())
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(SHOWN_FOR);
        if (event.fired()) {
            n.showWarning();
        } else {
            n.showInformation();
        }
    }
}
