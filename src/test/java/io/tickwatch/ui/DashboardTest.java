package io.tickwatch.ui;

import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwatch.model.MessageState;
import io.tickwatch.store.PhoneRow;
import io.tickwatch.testing.RunningTickwatch;
import io.tickwatch.ui.common.Format;
import io.tickwatch.ui.messages.TimelineEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.matcher.control.LabeledMatchers;

/**
 * The dashboard as a person uses it: webhooks posted over real HTTP to a real Tickwatch change the
 * KPI tiles, the funnel and the tables; filters, drill-down, range and zone switches work.
 */
class DashboardTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

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

    private String ts(long secondsAgo) {
        return Long.toString(now - secondsAgo);
    }

    private void post(String... items) {
        assertThat(tw.postWebhook(onPremises(items)).status()).isEqualTo(200);
    }

    /** A: sent → delivered → read (read twice); B: sent → delivered; C: failed; D: read only (delivered inferred). */
    private void postFourMessages() {
        post(status("wamid.A", "sent", ts(300), "919800000001"), status("wamid.A", "delivered", ts(295), "919800000001"),
                status("wamid.A", "read", ts(240), "919800000001"), status("wamid.A", "read", ts(240), "919800000001"));
        post(status("wamid.B", "sent", ts(200), "919800000001"), status("wamid.B", "delivered", ts(180), "919800000001"));
        post(status("wamid.C", "failed", ts(100), "919800000002",
                "\"errors\":[{\"code\":131026,\"title\":\"Message undeliverable\"}]"));
        post(status("wamid.D", "read", ts(60), "919800000003"));
    }

    @Test
    void anEmptyStoreShowsACurlCommandForThisPortThenKpisAndFunnelFollowTheWebhooks() {
        await().atMost(PATIENCE).until(() -> ui.visible("emptyState"));
        assertThat(ui.fx(() -> ui.node("curlCommand", TextArea.class).getText()))
                .contains("http://127.0.0.1:" + tw.app().port() + "/webhook");

        postFourMessages();

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(ui.text("kpiMessages")).isEqualTo("4");
            assertThat(ui.text("kpiSent")).isEqualTo("3");
            assertThat(ui.text("kpiDelivered")).isEqualTo("100.0 %"); // A, B, D of A, B, D
            assertThat(ui.text("kpiRead")).isEqualTo("66.7 %");
            assertThat(ui.text("kpiFailed")).isEqualTo("25.0 %");
            assertThat(ui.text("kpiDeliverMedian")).isEqualTo("5.0 s");
        });
        assertThat(ui.visible("emptyState")).isFalse();
        @SuppressWarnings("unchecked")
        BarChart<String, Number> funnel = ui.node("funnelChart", BarChart.class);
        assertThat(ui.fx(() -> funnel.getData().get(0).getData().stream().map(XYChart.Data::getYValue).toList()))
                .containsExactly(3L, 3L, 2L, 1L);

        post(status("wamid.B", "read", ts(10), "919800000001"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.text("kpiRead")).isEqualTo("100.0 %"));
    }

    @Test
    void messagesAreSearchedFilteredAndShownWithTheirTimelineAndRawRequest() {
        postFourMessages();
        ui.robot.clickOn("#messagesTab");
        @SuppressWarnings("unchecked")
        TableView<MessageState> table = ui.node("messagesTable", TableView.class);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.fx(() -> table.getItems().size())).isEqualTo(4));
        assertThat(ui.text("pageLabel")).isEqualTo("1–4 of 4");

        ui.robot.clickOn("#messageSearch").write("800000001");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.fx(() -> ids(table))).containsExactly("wamid.B", "wamid.A"));

        ui.robot.clickOn("#idColumn"); // sort by id, ascending, in SQL
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.fx(() -> ids(table))).containsExactly("wamid.A", "wamid.B"));

        ui.robot.clickOn("#messageSearch").push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE);
        chooseStatus("failed");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.fx(() -> ids(table))).containsExactly("wamid.C"));
        ui.robot.interact(() -> table.getSelectionModel().select(0));
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(ui.text("failureLabel")).isEqualTo("Failed: 131026 — Message undeliverable"));

        chooseStatus("any status");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.fx(() -> table.getItems().size())).isEqualTo(4));
        ui.robot.interact(() -> table.getSelectionModel().select(0)); // sorted by id: wamid.A
        @SuppressWarnings("unchecked")
        ListView<TimelineEntry> timeline = ui.node("timeline", ListView.class);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.fx(() -> timeline.getItems().stream()
                .map(TimelineEntry::describe).toList())).containsExactly("sent", "delivered", "read ×2"));
        assertThat(ui.text("detailTitle")).isEqualTo("wamid.A");
        assertThat(ui.fx(() -> ui.node("rawBody", TextArea.class).getText())).contains("\"statuses\"", "wamid.A");

        ui.robot.interact(() -> table.getSelectionModel().select(3)); // wamid.D: read only
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.fx(() -> timeline.getItems().stream()
                .map(TimelineEntry::describe).toList())).containsExactly("delivered (inferred from read)", "read"));
    }

    @Test
    void aPhoneRowDrillsDownToThatPhonesMessages() {
        postFourMessages();
        ui.robot.clickOn("#phonesTab");
        @SuppressWarnings("unchecked")
        TableView<PhoneRow> phones = ui.node("phonesTable", TableView.class);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.fx(() -> phones.getItems().stream()
                .map(PhoneRow::phone).toList())).containsExactly("+919800000001", "+919800000002", "+919800000003"));
        assertThat(ui.fx(() -> phones.getItems().get(0).readRate())).isEqualTo(0.5);

        ui.robot.clickOn("#readDelayColumn"); // ascending median read delay: D (0 s) before A (55 s), C last
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.fx(() -> phones.getItems().stream()
                .map(PhoneRow::phone).toList())).containsExactly("+919800000003", "+919800000001", "+919800000002"));

        ui.robot.doubleClickOn("+919800000001");
        @SuppressWarnings("unchecked")
        TableView<MessageState> messages = ui.node("messagesTable", TableView.class);
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(ui.fx(() -> ui.node("tabs", TabPane.class).getSelectionModel().getSelectedItem().getText()))
                    .isEqualTo("Messages");
            assertThat(ui.fx(() -> ids(messages))).containsExactlyInAnyOrder("wamid.A", "wamid.B");
        });
        assertThat(ui.text("phoneChipLabel")).isEqualTo("Phone +919800000001");
        ui.robot.clickOn("#clearPhone");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.fx(() -> messages.getItems().size())).isEqualTo(4));
    }

    @Test
    void theTimeRangeChoosesWhichMessagesCountAndTheZoneHowTimesRead() {
        post(status("wamid.NOW", "sent", ts(30), "919800000001"));
        post(status("wamid.OLD", "sent", ts(3 * 3600), "919800000002"));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.text("kpiMessages")).isEqualTo("1")); // 1 h

        ui.robot.clickOn("#range24h");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.text("kpiMessages")).isEqualTo("2"));
        ui.robot.clickOn("#range15m");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.text("kpiMessages")).isEqualTo("1"));
        ui.robot.clickOn("#rangeAll");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.text("kpiMessages")).isEqualTo("2"));

        ui.robot.clickOn("#messagesTab");
        @SuppressWarnings("unchecked")
        TableView<MessageState> table = ui.node("messagesTable", TableView.class);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.fx(() -> table.getItems().size())).isEqualTo(2));
        long sentMillis = (now - 30) * 1000;
        assertThat(ui.robot.lookup(Format.shortDateTime(sentMillis, DashboardFixture.LOCAL)).tryQuery()).isPresent();

        ui.robot.clickOn("#zoneUtc");
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(ui.robot.lookup(Format.shortDateTime(sentMillis, ZoneOffset.UTC)).tryQuery()).isPresent());
        assertThat(ui.robot.lookup(Format.shortDateTime(sentMillis, DashboardFixture.LOCAL)).tryQuery()).isEmpty();
        assertThat(ui.text("updatedAt")).contains("UTC");
    }

    /** Opens the status drop-down and clicks a choice in its popup (not a table cell with the same text). */
    private void chooseStatus(String choice) {
        ui.robot.clickOn("#statusFilter");
        ui.robot.clickOn(ui.robot.lookup(".combo-box-popup .list-cell").match(LabeledMatchers.hasText(choice))
                .<Node>query());
    }

    private static List<String> ids(TableView<MessageState> table) {
        return table.getItems().stream().map(MessageState::id).toList();
    }
}
