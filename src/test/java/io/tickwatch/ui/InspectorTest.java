package io.tickwatch.ui;

import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwatch.receiver.RequestLog;
import io.tickwatch.testing.RunningTickwatch;
import io.tickwatch.testing.ShellCommand;
import io.tickwatch.ui.inspector.CurlCommand;
import io.tickwatch.ui.inspector.RequestFilter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.matcher.control.LabeledMatchers;

/**
 * The request inspector as a person uses it, on a receiver with an app secret: webhooks posted over
 * real HTTP (signed, with a bad item, with a bad signature, broken) appear with their verdicts and
 * answers; the detail shows headers without secrets, the body and the rejected items; Replay re-posts
 * over HTTP; Copy as curl gives a command line whose body the receiver accepts.
 */
class InspectorTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);
    private static final String SECRET = "inspector-app-secret-7f3a";

    @TempDir
    Path dir;
    RunningTickwatch tw;
    DashboardFixture ui;
    TableView<RequestLog.Entry> table;
    String ts = Long.toString(Instant.now().getEpochSecond());

    @BeforeEach
    @SuppressWarnings("unchecked")
    void open() throws Exception {
        tw = RunningTickwatch.start(dir, Map.of("TICKWATCH_APP_SECRET", SECRET));
        ui = new DashboardFixture(tw);
        ui.robot.clickOn("#requestsTab");
        table = ui.node("requestsTable", TableView.class);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
        tw.close();
    }

    static String sign(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private int postSigned(String body) throws Exception {
        return tw.postWebhook(body, "Content-Type", "application/json", "X-Hub-Signature-256", sign(body)).status();
    }

    /** What the table shows, row by row (newest first), column by column, as the cells render it. */
    private List<List<String>> rows() {
        return ui.fx(() -> {
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r < table.getItems().size(); r++) {
                List<String> cells = new ArrayList<>();
                for (TableColumn<RequestLog.Entry, ?> c : table.getColumns()) {
                    cells.add(String.valueOf(c.getCellData(r)));
                }
                rows.add(cells);
            }
            return rows;
        });
    }

    private void select(int row) {
        ui.robot.interact(() -> table.getSelectionModel().clearAndSelect(row));
    }

    /** Opens the filter drop-down and clicks a choice in its popup, as a person would. */
    private void chooseFilter(RequestFilter filter) {
        ui.robot.clickOn("#requestFilter");
        ui.robot.clickOn(ui.robot.lookup(".combo-box-popup .list-cell")
                .match(LabeledMatchers.hasText(filter.toString())).<javafx.scene.Node>query());
    }

    private String area(String id) {
        return ui.fx(() -> ui.node(id, TextArea.class).getText());
    }

    /** Columns: time, source, format, signature, answer, latency, accepted, rejected. */
    private void postFourRequests() throws Exception {
        assertThat(postSigned(onPremises(status("wamid.OK1", "sent", ts, "919800000001"),
                status("wamid.OK2", "delivered", ts, "919800000002")))).isEqualTo(200);
        assertThat(postSigned(onPremises(status("wamid.GOOD", "sent", ts, "919800000003"),
                status("wamid.BAD", "sent", "0", "919800000004")))).isEqualTo(200);
        String forged = onPremises(status("wamid.FORGED", "read", ts, "919800000005"));
        assertThat(tw.postWebhook(forged, "Content-Type", "application/json",
                "X-Hub-Signature-256", "sha256=" + "0".repeat(64)).status()).isEqualTo(401);
        assertThat(postSigned("{\"statuses\": [")).isEqualTo(400);
    }

    @Test
    void requestsAppearWithTheirVerdictsAnswersAndItems() throws Exception {
        postFourRequests();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(rows()).hasSize(4));
        List<List<String>> rows = rows();
        assertThat(rows.get(0).subList(3, 8)).containsExactly("signature valid", "400", rows.get(0).get(5), "0", "0");
        assertThat(rows.get(1).subList(2, 8)).containsExactly("–", "invalid", "401", rows.get(1).get(5), "0", "0");
        assertThat(rows.get(2).subList(2, 8)).containsExactly("on-premises", "signature valid", "200", rows.get(2).get(5), "1", "1");
        assertThat(rows.get(3).subList(2, 8)).containsExactly("on-premises", "signature valid", "200", rows.get(3).get(5), "2", "0");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get(1)).isEqualTo("127.0.0.1");
            assertThat(r.get(5)).matches("[0-9.]+ (ms|s)");
            assertThat(r.get(0)).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        });
        assertThat(ui.text("requestCount")).isEqualTo("4 recent requests");

        // the refused one: its headers without the signature, its body as sent, no replay
        select(1);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.text("requestTitle")).contains("POST /webhook", "401"));
        assertThat(area("requestHeaders")).contains("X-Hub-Signature-256: [redacted]", "Content-Type: application/json")
                .doesNotContain("0000000000", SECRET);
        assertThat(area("requestBody")).contains("\"id\" : \"wamid.FORGED\"", "\"recipient_id\" : \"919800000005\"");
        assertThat(ui.fx(() -> ui.node("replayButton", Button.class).isDisabled())).isTrue();
        assertThat(ui.text("actionMessage")).contains("Refused for its signature");

        // the partial one: its rejected item with the reason and the item as sent
        select(2);
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(area("rejectedItems")).contains("#1  statuses[1] — timestamp must be positive", "wamid.BAD"));
        assertThat(area("requestHeaders")).contains("X-Hub-Signature-256: [redacted]").doesNotContain("sha256=");
        assertThat(ui.text("requestSummary")).contains("on-premises", "signature valid", "1 accepted, 1 rejected");

        // only the errors
        chooseFilter(RequestFilter.ERRORS);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(rows()).extracting(r -> r.get(4)).containsExactly("400", "401"));
        assertThat(ui.text("requestCount")).isEqualTo("2 of 4 recent requests");
        chooseFilter(RequestFilter.WITH_REJECTED);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(rows()).extracting(r -> r.get(7)).containsExactly("1"));
    }

    @Test
    void replayPostsTheRequestAgainOverHttpAndItIsListedAsANewRequest() throws Exception {
        postFourRequests();
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(rows()).hasSize(4));
        long eventsBefore = tw.counts().requests();
        select(3); // the first one: two statuses, signature valid
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.text("requestTitle")).contains("200"));
        ui.robot.clickOn("#replayButton");

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(ui.text("actionMessage")).startsWith("Replay of #").contains("answered 200", "\"processed\":2");
            assertThat(rows()).hasSize(5);
        });
        List<String> replayed = rows().get(0);
        assertThat(replayed.subList(2, 8)).containsExactly("on-premises", "signature valid", "200", replayed.get(5), "2", "0");
        assertThat(tw.counts().requests()).isEqualTo(eventsBefore + 1);
        select(0);
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(area("requestHeaders")).containsPattern("X-Tickwatch-Replay-Of: \\d+").contains("X-Hub-Signature-256: [redacted]"));
        assertThat(area("requestBody")).contains("wamid.OK1", "wamid.OK2");
    }

    @Test
    void copyAsCurlGivesACommandLineWhoseBodyTheReceiverAccepts() throws Exception {
        String body = onPremises(status("wamid.CURL'$(x)", "delivered", ts, "919800000009"));
        assertThat(postSigned(body)).isEqualTo(200);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(rows()).hasSize(1));
        select(0);
        ui.robot.clickOn("#copyCurl");

        String command = ui.fx(() -> Clipboard.getSystemClipboard().getString());
        assertThat(command).startsWith("curl ").doesNotContain(SECRET);
        assertThat(ui.text("actionMessage")).contains("replace the X-Hub-Signature-256 placeholder");
        List<String> args = ShellCommand.argumentsOf("curl", command);
        assertThat(args).contains(tw.app().webhookUrl(), "Content-Type: application/json",
                "X-Hub-Signature-256: " + CurlCommand.SIGNATURE_PLACEHOLDER);
        String copiedBody = ShellCommand.after(args, "--data-binary");
        assertThat(copiedBody).isEqualTo(body);

        // posted as the command says, with the signature the placeholder asks for: accepted
        RunningTickwatch.Reply reply = tw.postWebhook(copiedBody, "Content-Type", "application/json",
                "X-Hub-Signature-256", sign(copiedBody));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("processed").asInt()).isEqualTo(1);
    }
}
