package io.tickwatch.ui.alerts;

import io.tickwatch.alerts.AlertEvent;
import io.tickwatch.alerts.RuleReading;
import io.tickwatch.ui.common.DisplaySettings;
import io.tickwatch.ui.common.Format;
import java.time.ZoneId;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Controller of {@code alerts.fxml}: the rules with their current figures, the thresholds editor, the
 * data-quality panel and the alert history; a badge with the number of firing alerts for the tab, and a
 * desktop notification per transition. FX thread only.
 */
public final class AlertsController {

    private static final PseudoClass FIRING = PseudoClass.getPseudoClass("firing");

    private final AlertsViewModel model;
    private final DisplaySettings display;
    private final Label badge = new Label();
    /** Always shown: a tab header drops a hidden graphic and does not take it back when it shows again. */
    private final HBox badgeHolder = new HBox(badge);

    @FXML private VBox alertsRoot;
    @FXML private Label alertsSummary;
    @FXML private TableView<RuleReading> rulesTable;
    @FXML private TableColumn<RuleReading, String> ruleColumn;
    @FXML private TableColumn<RuleReading, String> conditionColumn;
    @FXML private TableColumn<RuleReading, String> figureColumn;
    @FXML private TableColumn<RuleReading, String> stateColumn;
    @FXML private TextField deliveryRateMin;
    @FXML private TextField undeliveredCount;
    @FXML private TextField undeliveredMinutes;
    @FXML private TextField readRateMin;
    @FXML private TextField deliverySecondsMax;
    @FXML private TextField webhookErrors;
    @FXML private Label thresholdsMessage;
    @FXML private Label qualityRange;
    @FXML private Label qualityRejected;
    @FXML private Label qualityDuplicates;
    @FXML private Label qualityOutOfOrder;
    @FXML private Label qualitySignatures;
    @FXML private TableView<AlertEvent> historyTable;
    @FXML private TableColumn<AlertEvent, String> historyTimeColumn;
    @FXML private TableColumn<AlertEvent, String> historyRuleColumn;
    @FXML private TableColumn<AlertEvent, String> historyChangeColumn;
    @FXML private TableColumn<AlertEvent, String> historyFigureColumn;
    @FXML private TableColumn<AlertEvent, String> historyThresholdColumn;

    private final ChangeListener<ZoneId> zoneChanged = (obs, old, now) -> historyTable.refresh();

    public AlertsController(AlertsViewModel model, DisplaySettings display) {
        this.model = model;
        this.display = display;
        badge.setId("alertsBadge");
        badge.getStyleClass().add("alert-badge");
        // styled here: the tab header belongs to the window's stylesheet, not to this screen's
        badge.setStyle("-fx-background-color: -color-danger-emphasis; -fx-text-fill: -color-fg-emphasis; "
                + "-fx-background-radius: 9; -fx-padding: 0 6 0 6; -fx-font-size: 11px; -fx-font-weight: bold;");
        badge.textProperty().bind(model.activeProperty().asString());
        badge.visibleProperty().bind(model.activeProperty().greaterThan(0));
        badge.managedProperty().bind(badge.visibleProperty());
        // Wired here, not when the screen is built (on first view): alerts notify with the tab never opened.
        // The badge sits in the tab header, so its window is the dashboard's.
        AlertNotifier notifier = new AlertNotifier(() -> badgeHolder.getScene() == null ? null
                : badgeHolder.getScene().getWindow());
        model.onTransition(notifier::show);
    }

    @FXML
    private void initialize() {
        alertsSummary.textProperty().bind(model.summaryProperty());
        column(ruleColumn, r -> r.rule().title());
        column(conditionColumn, r -> r.rule().condition(model.thresholds()));
        column(figureColumn, RuleReading::figureText);
        column(stateColumn, AlertsController::state);
        rulesTable.setItems(model.readings());
        rulesTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(RuleReading item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(FIRING, !empty && item != null && item.firing());
                setTooltip(empty || item == null ? null
                        : new Tooltip(item.rule().title() + ": " + item.rule().condition(model.thresholds())
                                + ". Now " + item.summary()));
            }
        });
        deliveryRateMin.textProperty().bindBidirectional(model.deliveryRateMinProperty());
        undeliveredCount.textProperty().bindBidirectional(model.undeliveredCountProperty());
        undeliveredMinutes.textProperty().bindBidirectional(model.undeliveredMinutesProperty());
        readRateMin.textProperty().bindBidirectional(model.readRateMinProperty());
        deliverySecondsMax.textProperty().bindBidirectional(model.deliverySecondsMaxProperty());
        webhookErrors.textProperty().bindBidirectional(model.webhookErrorsProperty());
        thresholdsMessage.textProperty().bind(model.thresholdsMessageProperty());
        model.thresholdsInvalidProperty().addListener((obs, old, bad) -> {
            thresholdsMessage.getStyleClass().remove("error");
            if (bad) {
                thresholdsMessage.getStyleClass().add("error");
            }
        });
        qualityRange.textProperty().bind(model.qualityRangeProperty());
        qualityRejected.textProperty().bind(model.rejectedProperty());
        qualityDuplicates.textProperty().bind(model.duplicatesProperty());
        qualityOutOfOrder.textProperty().bind(model.outOfOrderProperty());
        qualitySignatures.textProperty().bind(model.signatureFailuresProperty());
        eventColumn(historyTimeColumn, e -> Format.dateTime(e.at(), display.zoneProperty().get()));
        eventColumn(historyRuleColumn, e -> e.rule().title());
        eventColumn(historyChangeColumn, e -> e.fired() ? "Fired" : "Cleared");
        eventColumn(historyFigureColumn, AlertEvent::figureText);
        eventColumn(historyThresholdColumn, AlertEvent::thresholdText);
        historyTable.setItems(model.history());
        display.zoneProperty().addListener(zoneChanged);
    }

    private static String state(RuleReading r) {
        return switch (r.verdict()) {
            case FIRING -> "Firing";
            case CLEAR -> "OK";
            case TOO_LITTLE_DATA -> "Too little data (" + r.sample() + ")";
        };
    }

    private static void column(TableColumn<RuleReading, String> c, Function<RuleReading, String> text) {
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
    }

    private static void eventColumn(TableColumn<AlertEvent, String> c, Function<AlertEvent, String> text) {
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
    }

    @FXML
    private void applyThresholds() {
        model.applyThresholds();
        rulesTable.refresh(); // conditions show the thresholds
    }

    @FXML
    private void revertThresholds() {
        model.revertThresholds();
    }

    /** The number of firing alerts, for the tab header; hidden while none fires. */
    public Node badge() {
        return badgeHolder;
    }

    public void close() {
        display.zoneProperty().removeListener(zoneChanged);
        model.onTransition(e -> { });
        model.close();
    }
}
