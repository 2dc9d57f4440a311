package io.tickwatch.ui;

import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwatch.testing.RunningTickwatch;
import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A closed dashboard leaves nothing behind: its timeline is stopped, its listeners removed and its
 * executor shut down, so the window, its controllers and view-models become garbage while the
 * application (store, receiver, live model) keeps running.
 */
class ClosedDashboardIsCollectedTest {

    @TempDir
    Path dir;

    @Test
    void aClosedDashboardIsGarbageCollectedWhileTheApplicationRuns() throws Exception {
        try (RunningTickwatch tw = RunningTickwatch.start(dir)) {
            List<WeakReference<?>> refs = openUseAndClose(tw);

            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
                System.gc();
                return refs.stream().allMatch(r -> r.get() == null);
            });
            // the application outlives the window: the live model still answers
            assertThat(tw.app().overview().snapshot().data().funnel().messages()).isEqualTo(1);
        }
    }

    /** Opens a window, lets every screen query and render, closes it; returns weak references to its parts. */
    private static List<WeakReference<?>> openUseAndClose(RunningTickwatch tw) throws Exception {
        DashboardFixture ui = new DashboardFixture(tw);
        String ts = Long.toString(Instant.now().getEpochSecond());
        assertThat(tw.postWebhook(onPremises(status("wamid.GC", "sent", ts, "919800000001"))).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(ui.text("kpiMessages")).isEqualTo("1"));
        ui.robot.clickOn("#messagesTab");
        ui.robot.clickOn("#phonesTab");
        ui.robot.clickOn("#failuresTab");
        ui.robot.clickOn("#alertingTab");
        List<WeakReference<?>> refs = List.of(new WeakReference<>(ui.window), new WeakReference<>(ui.window.root()),
                new WeakReference<>(ui.window.display()), new WeakReference<>(ui.stage.getScene()),
                new WeakReference<>(ui.robot.lookup("#messagesTable").query()),
                new WeakReference<>(ui.robot.lookup("#throughputChart").query()),
                new WeakReference<>(ui.robot.lookup("#historyTable").query()), new WeakReference<>(ui.window.alerts()));
        ui.close();
        // Monocle's headless input remembers the window of the last mouse and key event (a test-only root):
        // move both to another window, as a person's next click elsewhere would.
        Stage other = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            s.setScene(new Scene(new Pane(), 200, 200));
            s.show();
        });
        new FxRobot().clickOn(other.getScene().getRoot()).type(KeyCode.SHIFT);
        return refs;
    }
}
