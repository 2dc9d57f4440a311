package io.tickwatch.ui;

import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwatch.alerts.AlertEvent;
import io.tickwatch.alerts.AlertRule;
import io.tickwatch.alerts.RuleReading;
import io.tickwatch.config.AlertThresholds;
import io.tickwatch.testing.RunningTickwatch;
import io.tickwatch.ui.failures.FailureRow;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alerts and failures screens as a person uses them, on a real Tickwatch fed over HTTP: an alert
 * fired by a threshold typed in the screen shows in the rules, the history, the tab's badge and a desktop
 * notification; a bad threshold is refused with a message; the data-quality tiles count; the failures
 * screen lists codes with what they mean, for all phones or one.
 */
class AlertsScreenTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    RunningTickwatch tw;
    DashboardFixture ui;
    long now;

    @BeforeEach
    void open() throws Exception {
        tw = RunningTickwatch.start(dir);
        ui = new DashboardFixture(tw);
        now = Instant.now().getEpochSecond();
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
        tw.close();
    }

    private void type(String fieldId, String text) {
        ui.robot.clickOn("#" + fieldId).push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE).write(text);
    }

    /** The badge on the alerts tab (a hidden graphic is taken out of the tab header's scene graph). */
    private boolean badgeShown() {
        return ui.fx(() -> ui.robot.lookup("#alertsBadge").tryQuery().map(Node::isVisible).orElse(false));
    }

    /** The texts of every label in the notification popups on screen. */
    private List<String> notificationTexts() {
        return ui.fx(() -> ui.robot.lookup(".notification-bar").queryAll().stream()
                .flatMap(bar -> bar.lookupAll(".label").stream())
                .map(n -> ((Label) n).getText()).toList());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFiredAlertShowsInTheTabsRulesAndHistoryWithABadgeAndANotificationThenClears() {
        assertThat(tw.postWebhook("{not json").status()).isEqualTo(400);
        // the refusal is counted in the store with the writer's next flush
        await().atMost(PATIENCE).until(() -> tw.app().dashboardQueries()
                .alertFigures(AlertRule.windows(System.currentTimeMillis(), AlertThresholds.DEFAULTS)).refusedRequests() == 1);
        ui.robot.clickOn("#alertingTab");
        assertThat(badgeShown()).as("no alert yet").isFalse();

        type("webhookErrors", "0");
        ui.robot.clickOn("#applyThresholds");

        await().atMost(PATIENCE).until(this::badgeShown);
        assertThat(ui.text("alertsBadge")).isEqualTo("1");
        assertThat(ui.window.alerts().thresholds().webhookErrors()).isZero();
        TableView<RuleReading> rules = ui.node("rulesTable", TableView.class);
        RuleReading errors = ui.fx(() -> rules.getItems().get(AlertRule.WEBHOOK_ERRORS.ordinal()));
        assertThat(errors.firing()).isTrue();
        assertThat(ui.text("alertsSummary")).startsWith("1 alert firing");
        TableView<AlertEvent> history = ui.node("historyTable", TableView.class);
        await().atMost(PATIENCE).until(() -> ui.fx(() -> history.getItems().size()) == 1);
        AlertEvent fired = ui.fx(() -> history.getItems().get(0));
        assertThat(fired.rule()).isEqualTo(AlertRule.WEBHOOK_ERRORS);
        assertThat(fired.figureText()).isEqualTo("1 refused");
        assertThat(fired.thresholdText()).isEqualTo("0 refused");
        assertThat(ui.fx(() -> history.getColumns().get(2).getCellData(0))).isEqualTo("Fired");
        await().atMost(PATIENCE).until(() -> notificationTexts().stream()
                .anyMatch(t -> t.contains("Webhook errors fired: 1 refused (more than 0 refused)")));

        type("webhookErrors", "5");
        ui.robot.clickOn("#applyThresholds");
        await().atMost(PATIENCE).until(() -> !badgeShown());
        await().atMost(PATIENCE).until(() -> ui.fx(() -> history.getItems().size()) == 2);
        assertThat(ui.fx(() -> history.getColumns().get(2).getCellData(0))).isEqualTo("Cleared");
        await().atMost(PATIENCE).until(() -> notificationTexts().stream()
                .anyMatch(t -> t.startsWith("Webhook errors cleared")));
    }

    @Test
    void anInvalidThresholdIsRefusedWithAClearMessageAndTheOldOneStays() {
        ui.robot.clickOn("#alertingTab");
        type("deliveryRateMin", "150");
        type("undeliveredMinutes", "ten");
        ui.robot.clickOn("#applyThresholds");

        String message = ui.text("thresholdsMessage");
        assertThat(message).startsWith("Not applied: ")
                .contains("Delivery rate minimum must be a number from 0 to 100, not \"150\"")
                .contains("Undelivered for (minutes) must be a whole number of at least 1, not \"ten\"");
        Node label = ui.node("thresholdsMessage", Node.class);
        assertThat(ui.fx(() -> Set.copyOf(label.getStyleClass()))).contains("error");
        assertThat(ui.window.alerts().thresholds()).isEqualTo(AlertThresholds.DEFAULTS);

        ui.robot.clickOn("#revertThresholds");
        assertThat(ui.fx(() -> ui.node("deliveryRateMin", javafx.scene.control.TextField.class).getText())).isEqualTo("90");
        assertThat(ui.text("thresholdsMessage")).isEmpty();

        type("readRateMin", "42.5");
        ui.robot.clickOn("#applyThresholds");
        assertThat(ui.window.alerts().thresholds().readRateMinPercent()).isEqualTo(42.5);
        assertThat(ui.text("thresholdsMessage")).startsWith("Applied until Tickwatch stops");
    }

    @Test
    void thresholdsSavedInTheSettingsDialogReachTheMonitorAndTheScreen() {
        ui.robot.clickOn("#alertingTab");
        AlertThresholds saved = new AlertThresholds(80, 20, 30, 40, 60, 7);
        ui.robot.interact(() -> ui.window.settingsTargets().alertThresholds().accept(saved));
        assertThat(ui.window.alerts().thresholds()).isEqualTo(saved);
        // the monitor re-evaluates at once; the screen follows its report
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(ui.fx(() -> ui.node("deliveryRateMin", javafx.scene.control.TextField.class).getText())).isEqualTo("80");
            assertThat(ui.fx(() -> ui.node("webhookErrors", javafx.scene.control.TextField.class).getText())).isEqualTo("7");
        });
        assertThat(ui.window.alerts().status().thresholds()).isEqualTo(saved);
    }

    @Test
    void theDataQualityTilesCountTheRange() {
        String p = "919800000001";
        assertThat(tw.postWebhook(onPremises(status("q1", "sent", Long.toString(now - 60), p),
                status("q2", "sent", "0", p))).status()).isEqualTo(200);                  // one rejected item
        assertThat(tw.postWebhook(onPremises(status("q1", "sent", Long.toString(now - 60), p))).status())
                .isEqualTo(200);                                                           // one duplicate
        ui.robot.clickOn("#alertingTab");
        ui.robot.clickOn("#range24h"); // a new range counts again at once
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(ui.text("qualityRejected")).isEqualTo("1");
            assertThat(ui.text("qualityDuplicates")).isEqualTo("1");
        });
        assertThat(ui.text("qualityOutOfOrder")).isEqualTo("0");
        assertThat(ui.text("qualitySignatures")).isEqualTo("0");
        assertThat(ui.text("qualityRange")).isEqualTo("last 24 h");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFailuresScreenListsCodesWithExplanationsForAllPhonesOrOne() {
        String ts = Long.toString(now - 120);
        assertThat(tw.postWebhook(onPremises(
                status("f1", "failed", ts, "919800000001", "\"errors\":[{\"code\":131026,\"title\":\"Message undeliverable\"}]"),
                status("f2", "failed", ts, "919800000001", "\"errors\":[{\"code\":131026,\"title\":\"Message undeliverable\"}]"),
                status("f3", "failed", ts, "919800000002", "\"errors\":[{\"code\":131047,\"title\":\"Re-engagement message\"}]"),
                status("f4", "failed", ts, "919800000002", "\"errors\":[{\"code\":424242,\"title\":\"Something new\"}]")))
                .status()).isEqualTo(200);
        ui.robot.clickOn("#failuresTab");
        TableView<FailureRow> table = ui.node("failuresTable", TableView.class);
        await().atMost(PATIENCE).until(() -> ui.fx(() -> table.getItems().size()) == 3);
        assertThat(ui.fx(() -> table.getColumns().get(0).getCellData(0))).isEqualTo("131026");
        assertThat(ui.fx(() -> table.getColumns().get(2).getCellData(0))).isEqualTo("2");
        assertThat(ui.fx(() -> table.getColumns().get(3).getCellData(0))).isEqualTo("50.0 %");
        assertThat((String) ui.fx(() -> table.getColumns().get(5).getCellData(0))).startsWith("Undeliverable");
        assertThat((String) ui.fx(() -> table.getColumns().get(5).getCellData(1))).contains("24 h");
        assertThat((String) ui.fx(() -> table.getColumns().get(5).getCellData(2))).startsWith("Not one of the common codes");
        assertThat(ui.text("failuresSummary")).startsWith("4 failed messages, 3 reasons · all phones");

        type("failurePhone", "+91 98000-00002");
        ui.robot.clickOn("#showPhoneFailures");
        await().atMost(PATIENCE).until(() -> ui.fx(() -> table.getItems().size()) == 2);
        assertThat(ui.fx(() -> table.getItems().stream().map(r -> r.reason().errorCode()).toList()))
                .containsExactlyInAnyOrder(131047, 424242);
        assertThat(ui.text("failuresSummary")).endsWith("+919800000002");

        type("failurePhone", "someone");
        ui.robot.clickOn("#showPhoneFailures");
        assertThat(ui.text("phoneMessage")).isEqualTo("\"someone\" is not a phone number: type its digits, e.g. +919876543210");
        assertThat(ui.fx(() -> table.getItems().size())).as("the table stays").isEqualTo(2);

        ui.robot.clickOn("#allPhones");
        await().atMost(PATIENCE).until(() -> ui.fx(() -> table.getItems().size()) == 3);
        assertThat(ui.text("phoneMessage")).isEmpty();
    }
}
