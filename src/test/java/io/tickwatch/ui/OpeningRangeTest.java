package io.tickwatch.ui;

import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwatch.live.TimeRange;
import io.tickwatch.store.PhoneRow;
import io.tickwatch.testing.RunningTickwatch;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A window opened on a range shows that range everywhere from the start, without a click. */
class OpeningRangeTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @TempDir
    Path dir;
    RunningTickwatch tw;
    DashboardFixture ui;

    @AfterEach
    void close() throws Exception {
        if (ui != null) {
            ui.close();
        }
        tw.close();
    }

    @Test
    void aWindowOpenedOnAllCountsMessagesOlderThanTheDefaultHour() throws Exception {
        tw = RunningTickwatch.start(dir);
        long now = Instant.now().getEpochSecond();
        assertThat(tw.postWebhook(onPremises(status("wamid.NOW", "sent", Long.toString(now - 30), "919800000001"),
                status("wamid.OLD", "sent", Long.toString(now - 3 * 3600), "919800000002"))).status()).isEqualTo(200);

        ui = new DashboardFixture(tw, TimeRange.ALL);

        assertThat(ui.fx(() -> ui.node("rangeAll", ToggleButton.class).isSelected())).isTrue();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.text("kpiMessages")).isEqualTo("2"));
        ui.robot.clickOn("#phonesTab");
        @SuppressWarnings("unchecked")
        TableView<PhoneRow> phones = ui.node("phonesTable", TableView.class);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.fx(() -> phones.getItems().stream()
                .map(PhoneRow::phone).toList())).containsExactlyInAnyOrder("+919800000001", "+919800000002"));
    }
}
