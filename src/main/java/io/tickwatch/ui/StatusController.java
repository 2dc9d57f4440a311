package io.tickwatch.ui;

import io.tickwatch.live.LiveSummary;
import io.tickwatch.store.FunnelCounts;
import java.text.NumberFormat;
import java.util.Locale;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** Controller of {@code status.fxml}; runs on the FX thread only and only reads immutable snapshots. */
public final class StatusController {

    private final String webhookUrl;
    private final String store;
    private final NumberFormat numbers = NumberFormat.getIntegerInstance(Locale.ROOT);

    @FXML private Label webhookUrlLabel;
    @FXML private Label storeLabel;
    @FXML private Label messagesLabel;
    @FXML private Label sentLabel;
    @FXML private Label deliveredLabel;
    @FXML private Label readLabel;
    @FXML private Label failedLabel;
    @FXML private Label statusesLabel;
    @FXML private Label rejectedLabel;
    @FXML private Label queueLabel;
    @FXML private Label storeStateLabel;

    StatusController(String webhookUrl, String store) {
        this.webhookUrl = webhookUrl;
        this.store = store;
    }

    @FXML
    private void initialize() {
        webhookUrlLabel.setText(webhookUrl);
        storeLabel.setText(store);
    }

    @FXML
    private void copyWebhookUrl() {
        ClipboardContent content = new ClipboardContent();
        content.putString(webhookUrl);
        Clipboard.getSystemClipboard().setContent(content);
    }

    void show(LiveSummary.Snapshot s) {
        FunnelCounts f = s.funnel();
        messagesLabel.setText(numbers.format(f.messages()));
        sentLabel.setText(numbers.format(f.sent()));
        deliveredLabel.setText(numbers.format(f.delivered()) + percent(f.deliveryRate()));
        readLabel.setText(numbers.format(f.read()) + percent(f.readRate()));
        failedLabel.setText(numbers.format(f.failed()));
        statusesLabel.setText(numbers.format(s.statusesSinceStart()));
        rejectedLabel.setText(numbers.format(s.rejectedSinceStart()));
        queueLabel.setText(numbers.format(s.queuedItems()));
        storeStateLabel.setText(s.storeReachable() ? "reachable" : "UNREACHABLE — webhooks get 503 until it returns");
    }

    private static String percent(Double rate) {
        return rate == null ? "" : String.format(Locale.ROOT, "  (%.1f %%)", rate * 100);
    }
}
