package io.tickwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SettingsLoader#check}: the start-up rules applied to a config file about to be saved (the settings
 * dialog's candidate), reporting every problem per setting, with flags and environment still winning.
 */
class SettingsCheckTest {

    @TempDir
    Path home;

    private SettingsOrigin fileOnly() {
        return SettingsOrigin.fileOnly(home, SettingsLoader.defaultConfigFile(home));
    }

    private static Map<Setting, String> values(Object... pairs) {
        Map<Setting, String> m = new EnumMap<>(Setting.class);
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((Setting) pairs[i], (String) pairs[i + 1]);
        }
        return m;
    }

    @Test
    void aValidCandidateGivesTheSettingsTheNextStartWouldHave() {
        SettingsLoader.Check c = SettingsLoader.check(false, fileOnly(), values(Setting.PORT, "9001",
                Setting.WEBHOOK_PATH, "/hooks/wa", Setting.TIME_ZONE, "Asia/Kolkata", Setting.ALERT_READ_RATE_MIN, "42.5",
                Setting.APP_SECRET, "s3cr3t"));
        assertThat(c.problems()).isEmpty();
        assertThat(c.valid()).isTrue();
        Settings s = c.settings();
        assertThat(s.port()).isEqualTo(9001);
        assertThat(s.webhookPath()).isEqualTo("/hooks/wa");
        assertThat(s.timeZone()).isEqualTo("Asia/Kolkata");
        assertThat(s.alerts().readRateMinPercent()).isEqualTo(42.5);
        assertThat(s.appSecret()).isEqualTo("s3cr3t");
        assertThat(s.bind()).as("absent: the default").isEqualTo("127.0.0.1");
        assertThat(s.db()).isEqualTo(SettingsLoader.defaultDbUrl(home));
        assertThat(s.origin().configFile()).isEqualTo(SettingsLoader.defaultConfigFile(home));
    }

    @Test
    void everyProblemIsReportedAgainstItsSettingWithoutSayingWhereFrom() {
        SettingsLoader.Check c = SettingsLoader.check(false, fileOnly(), values(Setting.PORT, "70000",
                Setting.WEBHOOK_PATH, "/api/in", Setting.TIME_ZONE, "Mars/Olympus", Setting.ALERT_DELIVERY_RATE_MIN, "120",
                Setting.ALERT_UNDELIVERED_MINUTES, "0", Setting.ALERT_DELIVERY_SECONDS_MAX, "fast", Setting.PRIVACY, "maybe",
                Setting.BIND, "my host", Setting.DB, "jdbc:mysql://x/y"));
        assertThat(c.valid()).isFalse();
        assertThat(c.settings()).isNull();
        assertThat(c.problems()).containsOnly(
                Map.entry(Setting.PORT, "port must be between 0 and 65535, not 70000"),
                Map.entry(Setting.WEBHOOK_PATH, "webhook-path must not be /, /health, /metrics or under /api"),
                Map.entry(Setting.TIME_ZONE, "time-zone must be local, UTC or a zone id such as Asia/Kolkata, not 'Mars/Olympus'"),
                Map.entry(Setting.ALERT_DELIVERY_RATE_MIN, "alert-delivery-rate-min must be between 0 and 100, not 120"),
                Map.entry(Setting.ALERT_UNDELIVERED_MINUTES, "alert-undelivered-minutes must be positive, not 0"),
                Map.entry(Setting.ALERT_DELIVERY_SECONDS_MAX, "alert-delivery-seconds-max must be a number, not 'fast'"),
                Map.entry(Setting.PRIVACY, "privacy must be true or false, not 'maybe'"),
                Map.entry(Setting.BIND, "bind must be an IP address or host name such as 127.0.0.1 or 0.0.0.0, not 'my host'"),
                Map.entry(Setting.DB, "db must be a jdbc:h2:… or jdbc:postgresql:… URL"));
    }

    @Test
    void aValuePresentButEmptyIsAProblemWhileAnAbsentOneTakesItsDefault() {
        assertThat(SettingsLoader.check(false, fileOnly(), values(Setting.PORT, " ", Setting.TIME_ZONE, "")).problems())
                .containsOnly(Map.entry(Setting.PORT, "port must not be empty"),
                        Map.entry(Setting.TIME_ZONE, "time-zone must not be empty"));
        assertThat(SettingsLoader.check(false, fileOnly(), values()).settings().port()).isEqualTo(8080);
    }

    @Test
    void anH2UrlMustNameItsFile() {
        assertThat(SettingsLoader.check(false, fileOnly(), values(Setting.DB, "jdbc:h2:file:")).problems())
                .containsEntry(Setting.DB, "db must name the H2 file, e.g. jdbc:h2:file:/home/me/tickwatch");
        assertThat(SettingsLoader.check(false, fileOnly(), values(Setting.DB, "jdbc:h2:file:/data/tw;CIPHER=AES")).valid())
                .isTrue();
    }

    @Test
    void theQueueRuleNamesTheQueueSetting() {
        assertThat(SettingsLoader.check(false, fileOnly(), values(Setting.QUEUE_CAPACITY, "10",
                Setting.MAX_ITEMS_PER_REQUEST, "11")).problems())
                .containsOnly(Map.entry(Setting.QUEUE_CAPACITY, "queue-capacity (10) must be at least max-items-per-request (11)"));
    }

    @Test
    void valuesFixedByFlagOrEnvironmentWinOverTheCandidate() throws Exception {
        Settings started = new SettingsLoader(Map.of("TICKWATCH_PORT", "9100", "TICKWATCH_APP_SECRET", "from-env"), home)
                .load(false, Map.of(Setting.BIND, "0.0.0.0"), null);
        SettingsOrigin origin = started.origin();
        assertThat(origin.isFixed(Setting.PORT)).isTrue();
        assertThat(origin.fixed(Setting.PORT).orElseThrow().by()).isEqualTo("TICKWATCH_PORT");
        assertThat(origin.fixed(Setting.PORT).orElseThrow().byEnvironment()).isTrue();
        assertThat(origin.fixed(Setting.BIND).orElseThrow().by()).isEqualTo("--bind");
        assertThat(origin.isFixed(Setting.WEBHOOK_PATH)).isFalse();

        SettingsLoader.Check c = SettingsLoader.check(false, origin, values(Setting.PORT, "not a port",
                Setting.APP_SECRET, "from-file", Setting.WEBHOOK_PATH, "/in"));
        assertThat(c.valid()).as("the file's port would not apply, so it is no problem").isTrue();
        assertThat(c.settings().port()).isEqualTo(9100);
        assertThat(c.settings().bind()).isEqualTo("0.0.0.0");
        assertThat(c.settings().appSecret()).isEqualTo("from-env");
        assertThat(c.settings().webhookPath()).isEqualTo("/in");
        assertThat(origin.toString()).doesNotContain("from-env").contains("TICKWATCH_APP_SECRET");
    }

    @Test
    void startUpStillStopsAtTheFirstProblemAndSaysWhereItCameFrom() {
        assertThatThrownBy(() -> new SettingsLoader(Map.of("TICKWATCH_BIND", "a b"), home).load(false, Map.of(), null))
                .isInstanceOf(InvalidSettings.class)
                .hasMessage("bind (from TICKWATCH_BIND) must be an IP address or host name such as 127.0.0.1 or 0.0.0.0, not 'a b'");
    }
}
