package io.tickwatch.ui;

import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import atlantafx.base.controls.ToggleSwitch;
import io.tickwatch.model.MessageState;
import io.tickwatch.receiver.RequestLog;
import io.tickwatch.store.PhoneRow;
import io.tickwatch.testing.RunningTickwatch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Privacy mode, started on by the setting: every phone on every screen (tables, detail pane, raw request,
 * drill-down chip, request inspector) and in both exports is masked; searching by phone still finds the
 * real number; switching it off in the header shows the numbers again, without reloading anything.
 */
class PrivacyModeTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final String PHONE_A = "+919800000001";
    private static final String MASKED_A = "+91 98••• ••001";
    private static final String PHONE_B = "+919800000002";
    private static final String MASKED_B = "+91 98••• ••002";

    @TempDir
    Path dir;
    RunningTickwatch tw;
    DashboardFixture ui;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void open() throws Exception {
        tw = RunningTickwatch.start(dir, Map.of("TICKWATCH_PRIVACY", "true"));
        ui = new DashboardFixture(tw);
        String ts = Long.toString(Instant.now().getEpochSecond() - 60);
        assertThat(tw.postWebhook(onPremises(status("wamid.A", "sent", ts, "919800000001"),
                status("wamid.A", "delivered", ts, "919800000001"))).status()).isEqualTo(200);
        assertThat(tw.postWebhook(onPremises(status("wamid.B", "failed", ts, "919800000002",
                "\"errors\":[{\"code\":131026,\"title\":\"Number 919800000002 is not on WhatsApp\"}]"))).status()).isEqualTo(200);
    }

    /** Screens are built when their tab is first selected: look their tables up after that. */
    @SuppressWarnings("unchecked")
    private TableView<MessageState> messages() {
        return ui.node("messagesTable", TableView.class);
    }

    @SuppressWarnings("unchecked")
    private TableView<PhoneRow> phones() {
        return ui.node("phonesTable", TableView.class);
    }

    @SuppressWarnings("unchecked")
    private TableView<RequestLog.Entry> requests() {
        return ui.node("requestsTable", TableView.class);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
        tw.close();
    }

    private <S> List<String> column(TableView<S> table, String columnId) {
        return ui.fx(() -> {
            @SuppressWarnings("unchecked")
            TableColumn<S, ?> c = (TableColumn<S, ?>) table.getColumns().stream()
                    .filter(x -> columnId.equals(x.getId())).findFirst().orElseThrow();
            return table.getItems().stream().map(item -> String.valueOf(c.getCellData(item))).toList();
        });
    }

    private String area(String id) {
        return ui.fx(() -> ui.node(id, TextArea.class).getText());
    }

    private <T> T onFx(Supplier<CompletableFuture<T>> call) throws Exception {
        return ui.fx(call::get).get(60, TimeUnit.SECONDS);
    }

    @Test
    void everyPhoneIsMaskedWhileOnAndShownAgainWhenSwitchedOff() throws Exception {
        assertThat(ui.fx(() -> ui.node("privacySwitch", ToggleSwitch.class).isSelected())).isTrue();

        // messages: table, detail, failure reason, raw request
        ui.robot.clickOn("#messagesTab");
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(column(messages(), "phoneColumn")).containsExactly(MASKED_B, MASKED_A));
        ui.robot.interact(() -> messages().getSelectionModel().select(0));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(area("rawBody")).contains("wamid.B"));
        assertThat(ui.text("detailSummary")).startsWith(MASKED_B);
        assertThat(ui.text("failureLabel")).isEqualTo("Failed: 131026 — Number " + MASKED_B + " is not on WhatsApp");
        assertThat(area("rawBody")).contains("\"recipient_id\" : \"" + MASKED_B + "\"").doesNotContain("919800000002");

        // searching by the real number still works
        ui.robot.clickOn("#messageSearch").write("800000001");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(column(messages(), "idColumn")).containsExactly("wamid.A"));
        assertThat(column(messages(), "phoneColumn")).containsExactly(MASKED_A);

        // phones, and the drill-down chip
        ui.robot.clickOn("#phonesTab");
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(column(phones(), "phoneColumn")).containsExactlyInAnyOrder(MASKED_A, MASKED_B));
        ui.robot.interact(() -> phones().getSelectionModel().select(
                phones().getItems().stream().filter(p -> p.phone().equals(PHONE_A)).findFirst().orElseThrow()));
        ui.robot.clickOn("#showPhoneMessages");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.text("phoneChipLabel")).isEqualTo("Phone " + MASKED_A));

        // the request inspector's body
        ui.robot.clickOn("#requestsTab");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.fx(() -> requests().getItems().size())).isEqualTo(2));
        ui.robot.interact(() -> requests().getSelectionModel().select(0));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(area("requestBody")).contains("wamid.B"));
        assertThat(area("requestBody")).contains(MASKED_B).doesNotContain("919800000002");

        // both exports
        Path messagesCsv = dir.resolve("messages-private.csv");
        Path phonesCsv = dir.resolve("phones-private.csv");
        onFx(() -> ui.window.messagesModel().exportCsv(messagesCsv));
        onFx(() -> ui.window.phonesModel().exportCsv(phonesCsv));
        assertThat(Files.readString(messagesCsv, StandardCharsets.UTF_8)).contains("wamid.A," + MASKED_A)
                .doesNotContain("919800000001");
        assertThat(Files.readString(phonesCsv, StandardCharsets.UTF_8)).contains(MASKED_A, MASKED_B)
                .doesNotContain("919800000001", "919800000002");

        // switched off in the header: the same screens show the numbers, no reload needed
        ui.robot.clickOn("#privacySwitch");
        assertThat(ui.fx(() -> ui.window.display().privacyProperty().get())).isFalse();
        assertThat(area("requestBody")).contains("\"recipient_id\" : \"919800000002\"");
        assertThat(ui.text("phoneChipLabel")).isEqualTo("Phone " + PHONE_A);
        assertThat(column(phones(), "phoneColumn")).containsExactlyInAnyOrder(PHONE_A, PHONE_B);
        ui.robot.clickOn("#messagesTab");
        assertThat(column(messages(), "phoneColumn")).containsOnly(PHONE_A);
        onFx(() -> ui.window.messagesModel().exportCsv(messagesCsv));
        assertThat(Files.readString(messagesCsv, StandardCharsets.UTF_8)).contains("wamid.A," + PHONE_A);

        // and on again, from the switch's caption
        ui.robot.clickOn("#privacyLabel");
        assertThat(column(messages(), "phoneColumn")).containsOnly(MASKED_A);
    }
}
