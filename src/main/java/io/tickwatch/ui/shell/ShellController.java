package io.tickwatch.ui.shell;

import atlantafx.base.controls.ToggleSwitch;
import io.tickwatch.live.TimeRange;
import io.tickwatch.ui.common.DisplaySettings;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import javafx.beans.value.ChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;

/**
 * Controller of {@code dashboard.fxml}: the header (webhook URL, store, receiver, queue, rate), the
 * time-range and time-zone selectors, the store-down banner and the tabs. FX thread only.
 */
public final class ShellController {

    private final ShellViewModel model;
    private final DisplaySettings display;

    @FXML private Label webhookUrl;
    @FXML private Label storeLabel;
    @FXML private Label receiverState;
    @FXML private Label queueDepth;
    @FXML private Label statusRate;
    @FXML private Label updatedAt;
    @FXML private HBox storeBanner;
    @FXML private TabPane tabs;
    @FXML private Tab messagesTab;
    @FXML private Tab phonesTab;
    @FXML private Tab alertingTab; // not "alertsTab": the settings dialog has one
    @FXML private Tab failuresTab;
    @FXML private Tab requestsTab;
    @FXML private ToggleGroup rangeGroup;
    @FXML private ToggleButton range15m;
    @FXML private ToggleButton range1h;
    @FXML private ToggleButton range24h;
    @FXML private ToggleButton range7d;
    @FXML private ToggleButton rangeAll;
    @FXML private ToggleGroup zoneGroup;
    @FXML private ToggleButton zoneUtc;
    @FXML private ToggleButton zoneLocal;
    @FXML private ToggleButton zoneNamed;
    @FXML private ToggleSwitch privacySwitch;
    @FXML private Label privacyLabel;

    private final ChangeListener<Toggle> rangeChosen = (obs, old, now) -> chooseRange(old, now);
    private final ChangeListener<Toggle> zoneChosen = (obs, old, now) -> chooseZone(old, now);
    private final ChangeListener<ZoneId> zoneChanged = (obs, old, now) -> showZone(now);
    private Runnable settingsOpener = () -> { };

    public ShellController(ShellViewModel model, DisplaySettings display) {
        this.model = model;
        this.display = display;
    }

    @FXML
    private void initialize() {
        webhookUrl.textProperty().bind(model.webhookUrlProperty());
        storeLabel.textProperty().bind(model.storeProperty());
        receiverState.textProperty().bind(model.receiverStateProperty());
        queueDepth.textProperty().bind(model.queueDepthProperty());
        statusRate.textProperty().bind(model.statusRateProperty());
        updatedAt.textProperty().bind(model.updatedAtProperty());
        storeBanner.visibleProperty().bind(model.storeDownProperty());
        storeBanner.managedProperty().bind(model.storeDownProperty());
        Map.of(range15m, TimeRange.LAST_15_MINUTES, range1h, TimeRange.LAST_HOUR, range24h, TimeRange.LAST_24_HOURS,
                range7d, TimeRange.LAST_7_DAYS, rangeAll, TimeRange.ALL).forEach((b, r) -> {
                    b.setUserData(r);
                    b.setSelected(display.rangeProperty().get() == r);
                });
        zoneUtc.setSelected(display.isUtc());
        zoneLocal.setSelected(!display.isUtc());
        zoneLocal.setText("Local (" + display.localZone().getId() + ")");
        showZone(display.zoneProperty().get());
        display.zoneProperty().addListener(zoneChanged);
        privacySwitch.selectedProperty().bindBidirectional(display.privacyProperty());
        javafx.scene.control.Tooltip privacyTip = new javafx.scene.control.Tooltip(
                "Privacy mode: every phone number on screen and in exports is masked, e.g. +91 98••• ••210");
        privacySwitch.setTooltip(privacyTip);
        privacyLabel.setTooltip(privacyTip);
        rangeGroup.selectedToggleProperty().addListener(rangeChosen);
        zoneGroup.selectedToggleProperty().addListener(zoneChosen);
    }

    private void chooseRange(Toggle old, Toggle now) {
        if (now == null) {
            rangeGroup.selectToggle(old); // a toggle group allows "none": keep one range chosen
            return;
        }
        display.rangeProperty().set((TimeRange) now.getUserData());
    }

    private void chooseZone(Toggle old, Toggle now) {
        if (now == null) {
            zoneGroup.selectToggle(old);
            return;
        }
        if (now != zoneNamed) {
            display.useUtc(now == zoneUtc);
        }
    }

    /**
     * Follows the zone when the settings dialog changes it: UTC and Local are the usual two; a zone chosen
     * by id (e.g. America/New_York) gets a third button of its own while it is in use.
     */
    private void showZone(ZoneId zone) {
        boolean named = !zone.equals(ZoneOffset.UTC) && !zone.equals(display.localZone());
        zoneNamed.setText(zone.getId());
        zoneNamed.setVisible(named);
        zoneNamed.setManaged(named);
        Toggle shown = display.isUtc() ? zoneUtc : named ? zoneNamed : zoneLocal;
        if (zoneGroup.getSelectedToggle() != shown) {
            zoneGroup.selectToggle(shown);
        }
    }

    /** What the header's Settings button does (the window opens the dialog). */
    public void onSettings(Runnable opener) {
        this.settingsOpener = opener;
    }

    @FXML
    private void openSettings() {
        settingsOpener.run();
    }

    /** The switch toggles only on its track; its caption toggles it too, as a checkbox's text would. */
    @FXML
    private void togglePrivacy() {
        display.privacyProperty().set(!display.privacyProperty().get());
    }

    @FXML
    private void copyWebhookUrl() {
        ClipboardContent content = new ClipboardContent();
        content.putString(model.webhookUrl());
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** Drill-down from another screen lands on the messages tab. */
    /** The tab on screen, so screens behind other tabs can skip their live re-reads. */
    public javafx.beans.value.ObservableValue<Tab> selectedTab() {
        return tabs.getSelectionModel().selectedItemProperty();
    }

    public Tab messagesTab() {
        return messagesTab;
    }

    public Tab phonesTab() {
        return phonesTab;
    }

    public void showMessages() {
        tabs.getSelectionModel().select(messagesTab);
    }

    /** The alerts tab, whose header shows how many alerts fire. */
    public Tab alertsTab() {
        return alertingTab;
    }

    public Tab failuresTab() {
        return failuresTab;
    }

    public Tab requestsTab() {
        return requestsTab;
    }

    public void close() {
        privacySwitch.selectedProperty().unbindBidirectional(display.privacyProperty());
        rangeGroup.selectedToggleProperty().removeListener(rangeChosen);
        zoneGroup.selectedToggleProperty().removeListener(zoneChosen);
        display.zoneProperty().removeListener(zoneChanged);
    }
}
