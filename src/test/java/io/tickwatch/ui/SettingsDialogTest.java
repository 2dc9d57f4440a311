package io.tickwatch.ui;

import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tickwatch.config.AlertThresholds;
import io.tickwatch.config.Setting;
import io.tickwatch.model.MessageState;
import io.tickwatch.testing.ConfiguredTickwatch;
import io.tickwatch.testing.PostgresServer;
import io.tickwatch.testing.RunningTickwatch;
import io.tickwatch.ui.common.Format;
import io.tickwatch.ui.settings.SettingsDialog;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.matcher.control.LabeledMatchers;

/**
 * The settings dialog as a person uses it, on a real Tickwatch started from a real config file: every
 * field is checked with the start-up rules as it is typed, Save writes the file owner-only, and what can
 * change at run time (receiver, time zone, privacy, alert thresholds) changes in the open window.
 */
class SettingsDialogTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path home;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private DashboardFixture ui;

    @AfterEach
    void closeAll() throws Exception {
        if (ui != null) {
            ui.close();
        }
        for (AutoCloseable c : opened) {
            c.close();
        }
    }

    private ConfiguredTickwatch configured(Map<Setting, String> fileValues) throws Exception {
        ConfiguredTickwatch tw = ConfiguredTickwatch.start(home, fileValues);
        opened.add(tw);
        ui = new DashboardFixture(tw.app());
        return tw;
    }

    /** Opens the dialog with the header's button and waits until it has read the config file. */
    private void openSettings() {
        ui.robot.clickOn("#openSettings");
        await().atMost(PATIENCE).until(() -> !ui.fx(() -> ui.node("saveButton", Button.class).isDisabled()));
    }

    private void type(String id, String text) {
        ui.robot.clickOn("#" + id).push(KeyCode.CONTROL, KeyCode.A).push(KeyCode.BACK_SPACE);
        if (!text.isEmpty()) {
            ui.robot.write(text);
        }
    }

    private boolean saveDisabled() {
        return ui.fx(() -> ui.node("saveButton", Button.class).isDisabled());
    }

    private void save() {
        assertThat(saveDisabled()).as("Save enabled").isFalse();
        ui.robot.clickOn("#saveButton");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.text("status")).startsWith("Saved to"));
    }

    private String tabTitle(String tabId) {
        return ui.fx(() -> ui.node("sections", javafx.scene.control.TabPane.class).getTabs().stream()
                .filter(t -> t.getId().equals(tabId)).findFirst().orElseThrow().getText());
    }

    @Test
    void invalidValuesShowTheirMessageNextToTheFieldAndDisableSave() throws Exception {
        configured(Map.of());
        openSettings();

        type("port", "70000");
        assertThat(ui.text("portMessage")).isEqualTo("port must be between 0 and 65535, not 70000");
        assertThat(saveDisabled()).isTrue();
        assertThat(tabTitle("receiverTab")).isEqualTo("Receiver (!)");
        type("port", "8099");
        assertThat(ui.text("portMessage")).isEmpty();
        assertThat(saveDisabled()).isFalse();

        type("webhookPath", "/api/hooks");
        assertThat(ui.text("webhookPathMessage")).isEqualTo("webhook-path must not be /, /health, /metrics or under /api");
        assertThat(saveDisabled()).isTrue();
        type("webhookPath", "hooks");
        assertThat(ui.text("webhookPathMessage")).startsWith("webhook-path must start with /");
        type("webhookPath", "/hooks");
        assertThat(saveDisabled()).isFalse();

        ui.robot.clickOn("#alertsTab");
        type("alertDeliveryRateMin", "120");
        assertThat(ui.text("alertDeliveryRateMinMessage")).isEqualTo("alert-delivery-rate-min must be between 0 and 100, not 120");
        type("alertUndeliveredMinutes", "0");
        assertThat(ui.text("alertUndeliveredMinutesMessage")).isEqualTo("alert-undelivered-minutes must be positive, not 0");
        assertThat(tabTitle("alertsTab")).isEqualTo("Alerts (!)");
        assertThat(saveDisabled()).isTrue();
        type("alertDeliveryRateMin", "85");
        type("alertUndeliveredMinutes", "15");
        assertThat(saveDisabled()).isFalse();

        ui.robot.clickOn("#displayTab");
        type("timeZone", "Mars/Olympus");
        assertThat(ui.text("timeZoneMessage"))
                .isEqualTo("time-zone must be local, UTC or a zone id such as Asia/Kolkata, not 'Mars/Olympus'");
        assertThat(saveDisabled()).isTrue();
        type("timeZone", "");
        assertThat(ui.text("timeZoneMessage")).isEqualTo("time-zone must not be empty");
        assertThat(saveDisabled()).isTrue();
        type("timeZone", "UTC");
        assertThat(saveDisabled()).isFalse();
        assertThat(tabTitle("receiverTab")).isEqualTo("Receiver");
    }

    @Test
    void savedEditsReachTheFileOwnerOnlyKeepOtherKeysAndApplyToTheReceiverAtOnce() throws Exception {
        ConfiguredTickwatch tw = configured(Map.of(Setting.APP_SECRET, "old-secret", Setting.RATE_LIMIT, "500",
                Setting.MAX_CONNECTIONS, "300"));
        openSettings();
        assertThat(ui.fx(() -> ui.node("appSecret", TextInputControl.class).getText())).as("a secret is never shown").isEmpty();
        assertThat(ui.fx(() -> ui.node("appSecret", TextInputControl.class).getPromptText())).isEqualTo("unchanged (a value is saved)");

        type("webhookPath", "/hooks/wa");
        ui.robot.clickOn("#securityTab");
        ui.robot.clickOn("#clearAppSecret");
        type("verifyToken", "vt-new");
        ui.robot.clickOn("#alertsTab");
        type("alertReadRateMin", "42.5");
        save();

        Map<Setting, String> file = tw.fileValues();
        assertThat(file).containsEntry(Setting.WEBHOOK_PATH, "/hooks/wa").containsEntry(Setting.VERIFY_TOKEN, "vt-new")
                .containsEntry(Setting.ALERT_READ_RATE_MIN, "42.5")
                .containsEntry(Setting.RATE_LIMIT, "500").containsEntry(Setting.MAX_CONNECTIONS, "300")
                .doesNotContainKey(Setting.APP_SECRET).doesNotContainKey(Setting.TIME_ZONE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tw.configFile()))).isEqualTo("rw-------");
        assertThat(ui.text("status")).contains("receiver at http://127.0.0.1:" + tw.app().port() + "/hooks/wa")
                .contains("alert thresholds");
        assertThat(ui.fx(() -> ui.window.alertThresholds().get()))
                .isEqualTo(new AlertThresholds(90, 10, 10, 42.5, 30, 5));
        assertThat(ui.fx(() -> ui.node("verifyToken", TextInputControl.class).getPromptText()))
                .isEqualTo("unchanged (a value is saved)");

        // the running receiver: new path, no signature needed any more, the new verify token
        String body = onPremises(status("wamid.SAVED", "sent", Long.toString(Instant.now().getEpochSecond()), "919800000001"));
        assertThat(tw.post("/hooks/wa", body).status()).isEqualTo(200);
        assertThat(tw.post("/webhook", body).status()).isEqualTo(404);
        assertThat(tw.get(tw.app().port(), "/hooks/wa?hub.mode=subscribe&hub.verify_token=vt-new&hub.challenge=c42").body())
                .isEqualTo("c42");
        assertThat(ui.text("webhookUrl")).isEqualTo("http://127.0.0.1:" + tw.app().port() + "/hooks/wa");
    }

    @Test
    void aNewPortMovesTheReceiverThereAndTheHeaderFollows() throws Exception {
        ConfiguredTickwatch tw = configured(Map.of());
        int oldPort = tw.app().port();
        int newPort = freePort();
        openSettings();
        type("port", Integer.toString(newPort));
        save();

        assertThat(tw.app().port()).isEqualTo(newPort);
        assertThat(tw.fileValues()).containsEntry(Setting.PORT, Integer.toString(newPort));
        assertThat(ui.text("webhookUrl")).isEqualTo("http://127.0.0.1:" + newPort + "/webhook");
        String body = onPremises(status("wamid.MOVED", "sent", Long.toString(Instant.now().getEpochSecond()), "919800000001"));
        assertThat(tw.post("/webhook", body).status()).isEqualTo(200);
        assertThatThrownBy(() -> tw.get(oldPort, "/health")).as("the old port is closed")
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void testConnectionOpensARealH2FileAndReportsAMissingOneWithoutCreatingIt() throws Exception {
        configured(Map.of());
        Path other = home.resolve("other-store");
        DriverManager.getConnection("jdbc:h2:file:" + other.toAbsolutePath()).close();
        openSettings();
        ui.robot.clickOn("#storeTab");
        type("h2Path", other.toAbsolutePath().toString());
        ui.robot.clickOn("#testConnection");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.text("connectionResult")).startsWith("Connected: H2 2."));
        assertThat(ui.text("storeNote")).contains("next start");

        Path missing = home.resolve("not-yet");
        type("h2Path", missing.toAbsolutePath().toString());
        assertThat(ui.text("connectionResult")).as("an old result goes when the form changes").isEmpty();
        ui.robot.clickOn("#testConnection");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.text("connectionResult"))
                .isEqualTo("No H2 store at " + missing.toAbsolutePath() + " yet: Tickwatch will create one there at the next start."));
        assertThat(Files.exists(Path.of(missing + ".mv.db"))).isFalse();
    }

    @Test
    void testConnectionToAPortWherePostgresqlIsNotRunningSaysSoPlainly() throws Exception {
        configured(Map.of());
        int closed = freePort();
        openSettings();
        ui.robot.clickOn("#storeTab");
        ui.robot.clickOn("#postgresChoice");
        type("postgresUrl", "jdbc:postgresql://127.0.0.1:" + closed + "/tickwatch");
        ui.robot.clickOn("#testConnection");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.text("connectionResult")).startsWith(
                "Nothing is listening at 127.0.0.1:" + closed + " (connection refused): is PostgreSQL running there"));
        assertThat(ui.text("connectionResult")).contains("(driver: Connection to 127.0.0.1:" + closed + " refused");
    }

    @Test
    void aServerThatNeverAnswersTimesOutWhileTheDialogStaysResponsive() throws Exception {
        configured(Map.of());
        try (ServerSocket silent = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // accepted, never answered
                    }
                } catch (java.io.IOException closedAtTheEnd) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            ui.robot.interact(() -> new SettingsDialog(ui.app.settings(), ui.window.settingsTargets(),
                    Duration.ofSeconds(2)).show(ui.stage));
            await().atMost(PATIENCE).until(() -> !saveDisabled());
            ui.robot.clickOn("#storeTab");
            ui.robot.clickOn("#postgresChoice");
            type("postgresUrl", "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/tickwatch");
            ui.robot.clickOn("#testConnection");
            assertThat(ui.text("connectionResult")).startsWith("Testing the connection to");
            assertThat(ui.fx(() -> ui.node("testConnection", Button.class).isDisabled())).isTrue();

            ui.robot.clickOn("#receiverTab"); // the FX thread is free while the probe waits
            type("port", "x");
            assertThat(ui.text("portMessage")).isEqualTo("port must be a whole number, not 'x'");
            assertThat(ui.text("connectionResult")).startsWith("Testing the connection to");

            await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.text("connectionResult"))
                    .contains("did not answer within 2 s"));
            assertThat(ui.fx(() -> ui.node("testConnection", Button.class).isDisabled())).isFalse();
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void testConnectionReachesTheRealPostgresqlAndShowsItsVersion() throws Exception {
        PostgresServer.assumeAvailable();
        configured(Map.of());
        openSettings();
        ui.robot.clickOn("#storeTab");
        ui.robot.clickOn("#postgresChoice");
        type("postgresUrl", "jdbc:postgresql://" + PostgresServer.hostPart() + "/postgres");
        type("dbUser", "postgres");
        ui.robot.clickOn("#testConnection");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.text("connectionResult")).startsWith("Connected: PostgreSQL "));
        assertThat(ui.text("connectionResult")).matches("Connected: PostgreSQL \\d+.*");

        type("postgresUrl", "jdbc:postgresql://" + PostgresServer.hostPart() + "/no_such_database_here");
        ui.robot.clickOn("#testConnection");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.text("connectionResult"))
                .startsWith("That database does not exist on " + PostgresServer.hostPart()));
    }

    @Test
    void aSavedTimeZoneAndPrivacyDefaultApplyToTheOpenDashboardAtOnce() throws Exception {
        ConfiguredTickwatch tw = configured(Map.of());
        long sent = Instant.now().getEpochSecond() - 30;
        assertThat(tw.post("/webhook", onPremises(status("wamid.TZ", "sent", Long.toString(sent), "919800000001"))).status())
                .isEqualTo(200);
        ui.robot.clickOn("#messagesTab");
        @SuppressWarnings("unchecked")
        TableView<MessageState> table = ui.node("messagesTable", TableView.class);
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.fx(() -> table.getItems().size())).isEqualTo(1));
        ZoneId newYork = ZoneId.of("America/New_York");
        assertThat(ui.robot.lookup(Format.shortDateTime(sent * 1000, DashboardFixture.LOCAL)).tryQuery()).isPresent();

        openSettings();
        ui.robot.clickOn("#displayTab");
        type("timeZone", "new york"); // searches the list
        assertThat(ui.text("timeZoneMessage")).contains("not 'new york'");
        ui.robot.clickOn(ui.robot.lookup("#zoneList .list-cell").match(LabeledMatchers.hasText("America/New_York")).<Node>query());
        assertThat(ui.fx(() -> ui.node("timeZone", TextInputControl.class).getText())).isEqualTo("America/New_York");
        ui.robot.clickOn("#privacy");
        save();

        assertThat(ui.text("status")).contains("time zone America/New_York").contains("privacy mode on");
        assertThat(tw.fileValues()).containsEntry(Setting.TIME_ZONE, "America/New_York").containsEntry(Setting.PRIVACY, "true");
        await().atMost(PATIENCE).untilAsserted(() ->
                assertThat(ui.robot.lookup(Format.shortDateTime(sent * 1000, newYork)).tryQuery()).isPresent());
        assertThat(ui.robot.lookup(Format.shortDateTime(sent * 1000, DashboardFixture.LOCAL)).tryQuery()).isEmpty();
        assertThat(ui.fx(() -> ui.window.display().zoneProperty().get())).isEqualTo(newYork);
        assertThat(ui.fx(() -> ui.window.display().privacyProperty().get())).isTrue();
        ToggleButton named = ui.node("zoneNamed", ToggleButton.class);
        assertThat(ui.fx(() -> named.isVisible() && named.isSelected() && named.getText().equals("America/New_York"))).isTrue();
    }

    @Test
    void settingsFixedByTheEnvironmentAreShownAsSuchAndNeverWritten() throws Exception {
        RunningTickwatch tw = RunningTickwatch.start(home, Map.of("TICKWATCH_APP_SECRET", "env-secret",
                "TICKWATCH_TIME_ZONE", "UTC"));
        opened.add(tw);
        ui = new DashboardFixture(tw);
        assertThat(ui.fx(() -> ui.node("zoneUtc", ToggleButton.class).isSelected())).as("the zone setting at start").isTrue();
        openSettings();

        assertThat(ui.fx(() -> ui.node("port", TextInputControl.class).isDisabled())).isTrue();
        assertThat(ui.fx(() -> ui.node("port", TextInputControl.class).getText())).isEqualTo("0");
        assertThat(ui.text("portMessage"))
                .isEqualTo("Set by TICKWATCH_PORT (environment): a value saved here would not apply while it is set.");
        assertThat(ui.fx(() -> ui.node("webhookPath", TextInputControl.class).isDisabled())).isFalse();
        ui.robot.clickOn("#storeTab");
        assertThat(ui.text("dbMessage")).startsWith("Set by TICKWATCH_DB (environment)");
        assertThat(ui.fx(() -> ui.node("h2Path", TextInputControl.class).isDisabled())).isTrue();
        ui.robot.clickOn("#securityTab");
        assertThat(ui.fx(() -> ui.node("appSecret", TextInputControl.class).getPromptText())).isEqualTo("set by TICKWATCH_APP_SECRET");
        assertThat(ui.fx(() -> ui.node("appSecret", TextInputControl.class).isDisabled())).isTrue();
        assertThat(ui.fx(() -> ui.node("clearAppSecret", ToggleButton.class).isDisabled())).isTrue();
        ui.robot.clickOn("#displayTab");
        assertThat(ui.text("timeZoneMessage")).startsWith("Set by TICKWATCH_TIME_ZONE");
        assertThat(ui.fx(() -> ui.node("privacy", CheckBox.class).isDisabled())).isFalse();

        ui.robot.clickOn("#receiverTab");
        type("webhookPath", "/from-dialog");
        save();
        Map<Setting, String> file = io.tickwatch.config.SettingsLoader.readFile(ConfiguredTickwatch.configFile(home));
        assertThat(file).containsOnlyKeys(Setting.WEBHOOK_PATH);
        assertThat(Files.readString(ConfiguredTickwatch.configFile(home))).doesNotContain("env-secret");
        assertThat(tw.postWebhook(onPremises()).status()).as("the default path is gone").isEqualTo(404);
    }

    @Test
    void aProblemInASettingTheDialogDoesNotShowIsNamedAndBlocksSave() throws Exception {
        ConfiguredTickwatch tw = configured(Map.of());
        Files.writeString(tw.configFile(), "max-body-bytes=0\n", java.nio.file.StandardOpenOption.APPEND); // edited by hand
        ui.robot.clickOn("#openSettings");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.text("otherProblems"))
                .isEqualTo("Fix these in " + tw.configFile() + " first:\nmax-body-bytes must be positive, not 0"));
        assertThat(saveDisabled()).isTrue();
    }

    @Test
    void aFileThatCannotBeWrittenIsReportedAndNothingIsApplied() throws Exception {
        ConfiguredTickwatch tw = configured(Map.of());
        openSettings();
        ui.robot.clickOn("#displayTab");
        type("timeZone", "UTC");
        Files.delete(tw.configFile());
        Files.createDirectory(tw.configFile()); // the disk changed under the dialog: the file cannot be replaced
        ui.robot.clickOn("#saveButton");
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(ui.text("status"))
                .startsWith("Could not save to " + tw.configFile() + ": ").endsWith(". Nothing was changed."));
        assertThat(ui.fx(() -> ui.window.display().zoneProperty().get())).isEqualTo(DashboardFixture.LOCAL);
        assertThat(saveDisabled()).as("it can be tried again").isFalse();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
