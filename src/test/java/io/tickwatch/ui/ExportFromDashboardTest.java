package io.tickwatch.ui;

import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwatch.export.MessageExport;
import io.tickwatch.model.MessageState;
import io.tickwatch.testing.Csv;
import io.tickwatch.testing.RunningTickwatch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Export CSV…" from the screens (the file dialog aside: the view-model is given the path): the file
 * holds the rows of the current filter, the screen says where it went, and a place that cannot be
 * written is reported on the screen in words.
 */
class ExportFromDashboardTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @TempDir
    Path dir;
    RunningTickwatch tw;
    DashboardFixture ui;

    @BeforeEach
    void open() throws Exception {
        tw = RunningTickwatch.start(dir);
        ui = new DashboardFixture(tw);
        String ts = Long.toString(Instant.now().getEpochSecond() - 60);
        assertThat(tw.postWebhook(onPremises(status("wamid.E1", "sent", ts, "919800000001"),
                status("wamid.E2", "read", ts, "919800000002"), status("=1+1", "read", ts, "919800000003"))).status())
                .isEqualTo(200);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
        tw.close();
    }


    @Test
    void theMessagesOfTheCurrentFilterAreExportedAndTheScreenSaysWhere() throws Exception {
        ui.robot.clickOn("#messagesTab");
        @SuppressWarnings("unchecked")
        TableView<MessageState> table = ui.node("messagesTable", TableView.class);
        ui.robot.clickOn("#messageSearch").write("wamid.");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.fx(() -> table.getItems().size())).isEqualTo(2));

        Path file = dir.resolve("filtered.csv");
        ui.robot.interact(() -> ui.window.messagesModel().exportCsv(file));
        Label status = ui.node("messagesExportStatus", Label.class);
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(ui.fx(status::getText)).isEqualTo("Exported 2 messages to " + file.toAbsolutePath()));
        List<List<String>> records = Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(records.get(0)).isEqualTo(MessageExport.HEADER);
        assertThat(records.subList(1, 3)).extracting(r -> r.get(0)).containsExactlyInAnyOrder("wamid.E1", "wamid.E2");

        ui.robot.clickOn("#messageSearch").eraseText(6);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.fx(() -> table.getItems().size())).isEqualTo(3));
        ui.robot.interact(() -> ui.window.messagesModel().exportCsv(file));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.fx(status::getText)).startsWith("Exported 3 messages"));
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).contains("\r\n'=1+1,+919800000003,read,");
    }

    @Test
    void aPlaceThatCannotBeWrittenIsReportedOnTheScreen() throws Exception {
        Path aFile = Files.writeString(dir.resolve("not-a-folder"), "x");
        Path target = aFile.resolve("phones.csv");
        ui.robot.clickOn("#phonesTab");
        ui.robot.interact(() -> ui.window.phonesModel().exportCsv(target));
        Label status = ui.node("phonesExportStatus", Label.class);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.fx(status::getText))
                .isEqualTo("Export failed. Cannot write " + target + ": " + aFile + " is not a folder"));
        assertThat(ui.fx(() -> status.isVisible() && status.getScene() != null && status.getStyle().contains("danger")))
                .isTrue();
        assertThat(ui.fx(() -> ui.node("exportPhones", Button.class).isDisabled())).isFalse(); // ready for another try

        Path good = dir.resolve("phones.csv");
        ui.robot.interact(() -> ui.window.phonesModel().exportCsv(good));
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(ui.fx(status::getText)).isEqualTo("Exported 3 phones to " + good.toAbsolutePath()));
        assertThat(ui.fx(status::getStyle)).doesNotContain("danger");
        assertThat(Files.readAllLines(good)).hasSize(4);
    }
}
