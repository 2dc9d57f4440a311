package io.tickwatch.ui;

import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwatch.testing.RunningTickwatch;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window opens with only the overview built; another screen is built when its tab is first selected,
 * with the rows its view-model read from the start, and stays built.
 */
class ScreensBuiltOnFirstViewTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @TempDir
    Path dir;
    RunningTickwatch tw;
    DashboardFixture ui;

    @BeforeEach
    void open() throws Exception {
        tw = RunningTickwatch.start(dir);
        String ts = Long.toString(Instant.now().getEpochSecond() - 60);
        assertThat(tw.postWebhook(onPremises(status("wamid.L1", "sent", ts, "919800000001"),
                status("wamid.L2", "sent", ts, "919800000002"))).status()).isEqualTo(200);
        ui = new DashboardFixture(tw);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
        tw.close();
    }

    @Test
    void hiddenScreensAreBuiltWhenFirstShownWithTheirRowsAlreadyRead() {
        for (String id : List.of("#messagesTable", "#phonesTable", "#requestsTable", "#failuresTable", "#rulesTable")) {
            assertThat(ui.robot.lookup(id).tryQuery()).as(id + " before its tab was selected").isEmpty();
        }
        // read behind the overview, before either screen exists
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(ui.fx(() -> ui.window.messagesModel().rows().size())).isEqualTo(2);
            assertThat(ui.fx(() -> ui.window.phonesModel().rows().size())).isEqualTo(2);
        });

        ui.robot.clickOn("#phonesTab");
        TableView<?> phones = ui.node("phonesTable", TableView.class);
        assertThat(ui.fx(() -> phones.getItems().size())).isEqualTo(2); // shown at once, no query waited for
        assertThat(ui.robot.lookup("#messagesTable").tryQuery()).isEmpty();

        ui.robot.clickOn("#overviewTab");
        ui.robot.clickOn("#phonesTab");
        assertThat(ui.node("phonesTable", TableView.class)).isSameAs(phones); // built once
    }
}
