package io.tickwatch.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwatch.demo.DemoTraffic;
import io.tickwatch.testing.RunningTickwatch;
import java.nio.file.Path;
import java.time.Duration;
import io.tickwatch.demo.DemoConfig;
import javafx.scene.control.Button;
import javafx.scene.control.Spinner;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Demo traffic from the dashboard, as a person giving a demo uses it: the empty overview's "Start demo traffic"
 * fills the window with webhooks that really went through the receiver; the header toggle stops and restarts it.
 */
class DemoTrafficUiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    RunningTickwatch tw;
    DashboardFixture ui;
    DemoTraffic demo;

    @BeforeEach
    void open() throws Exception {
        tw = RunningTickwatch.start(dir);
        demo = tw.app().demo();
        ui = new DashboardFixture(tw);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
        tw.close();
    }

    private boolean toggleSelected() {
        ToggleButton toggle = ui.node("demoToggle", ToggleButton.class);
        return ui.fx(toggle::isSelected);
    }

    private long storedMessages() {
        return tw.queryLong("SELECT COUNT(*) FROM messages");
    }

    @Test
    void theEmptyOverviewsButtonStartsDemoTrafficAndTheOverviewFills() {
        await().atMost(PATIENCE).until(() -> ui.visible("emptyState"));
        assertThat(ui.text("demoToggle")).isEqualTo("Demo traffic");
        assertThat(ui.visible("demoState")).as("nothing to report before a demo").isFalse();

        ui.robot.clickOn("#startDemo");

        await().atMost(PATIENCE).until(demo::isRunning);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(Long.parseLong(ui.text("kpiMessages").replace("\u2009", ""))).isGreaterThanOrEqualTo(3);
            assertThat(ui.visible("emptyState")).isFalse();
            assertThat(ui.text("kpiDelivered")).isNotEqualTo("–");
        });
        assertThat(toggleSelected()).isTrue();
        assertThat(ui.text("demoToggle")).isEqualTo("Demo · 10 msg/s");
        Button start = ui.node("startDemo", Button.class);
        assertThat(ui.fx(start::isDisabled)).as("already running").isTrue();
    }

    @Test
    void theHeaderToggleStartsAndStopsDemoTraffic() throws InterruptedException {
        assertThat(toggleSelected()).isFalse();

        ui.robot.clickOn("#demoToggle");
        await().atMost(PATIENCE).until(demo::isRunning);
        await().atMost(PATIENCE).until(() -> storedMessages() >= 3);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.text("demoToggle")).isEqualTo("Demo · 10 msg/s"));
        assertThat(toggleSelected()).isTrue();

        ui.robot.clickOn("#demoToggle");
        await().atMost(PATIENCE).until(() -> !demo.isRunning());
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(ui.text("demoToggle")).isEqualTo("Demo traffic");
            ToggleButton toggle = ui.node("demoToggle", ToggleButton.class);
            assertThat(ui.fx(toggle::isDisabled)).isFalse();
        });
        assertThat(toggleSelected()).isFalse();
        long stored = tw.queryLong("SELECT COUNT(*) FROM webhook_requests");
        // stopped means stopped: ten messages a second would show within a second
        await().during(java.time.Duration.ofSeconds(1)).atMost(PATIENCE)
                .until(() -> tw.queryLong("SELECT COUNT(*) FROM webhook_requests") == stored);

        ui.robot.clickOn("#demoToggle");
        await().atMost(PATIENCE).until(demo::isRunning);
        await().atMost(PATIENCE).until(() -> tw.queryLong("SELECT COUNT(*) FROM webhook_requests") > stored);
        assertThat(toggleSelected()).isTrue();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSettingsPopoverRestartsTheDemoWithTheRateAndOutcomesChosen() {
        ui.robot.clickOn("#demoSettings");
        Spinner<Double> rate = ui.node("rateSpinner", Spinner.class);
        Spinner<Integer> failed = ui.node("failedSpinner", Spinner.class);
        assertThat(ui.fx(rate::getValue)).isEqualTo(10.0);
        ui.robot.interact(() -> {
            rate.getEditor().setText("40"); // typed, not yet confirmed with Enter: applying takes it anyway
            failed.getValueFactory().setValue(20);
        });

        ui.robot.clickOn("#applySettings");

        await().atMost(PATIENCE).until(demo::isRunning);
        assertThat(demo.config().messagesPerSecond()).isEqualTo(40);
        assertThat(demo.config().failedProbability()).isEqualTo(0.2);
        assertThat(demo.config().readProbability()).isEqualTo(DemoConfig.defaults().readProbability());
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.text("demoToggle")).isEqualTo("Demo · 40 msg/s"));
        await().atMost(PATIENCE).until(() -> tw.queryLong("SELECT COUNT(*) FROM messages WHERE failed_at IS NOT NULL") > 0);
    }
}
