package io.tickwatch.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DESIGN.md §2: flag > environment > config file > default, and errors that say which setting and where from. */
class SettingsLoaderTest {

    @TempDir
    Path home;

    Path configFile(String content) throws Exception {
        Path dir = Files.createDirectories(home.resolve(".tickwatch"));
        return Files.writeString(dir.resolve("tickwatch.properties"), content);
    }

    Settings load(Map<String, String> env, Map<Setting, String> flags, Path file) throws InvalidSettings {
        return new SettingsLoader(env, home).load(false, flags, file);
    }

    @Test
    void defaultsApplyWhenNothingIsGiven() throws Exception {
        Settings s = load(Map.of(), Map.of(), null);
        assertThat(s.port()).isEqualTo(8080);
        assertThat(s.bind()).isEqualTo("127.0.0.1");
        assertThat(s.db()).isEqualTo("jdbc:h2:file:" + home.resolve(".tickwatch").resolve("tickwatch").toAbsolutePath());
        assertThat(s.maxBodyBytes()).isEqualTo(3 * 1024 * 1024);
        assertThat(s.appSecret()).isNull();
        assertThat(s.verifyToken()).isNull();
        assertThat(s.apiToken()).isNull();
    }

    @Test
    void flagBeatsEnvironmentBeatsFileBeatsDefault() throws Exception {
        configFile("port=1111\nbind=10.0.0.1\nmax-items-per-request=77\n");
        Map<String, String> env = Map.of("TICKWATCH_PORT", "2222", "TICKWATCH_BIND", "10.0.0.2");
        Settings s = load(env, Map.of(Setting.PORT, "3333"), null);
        assertThat(s.port()).as("flag").isEqualTo(3333);
        assertThat(s.bind()).as("environment").isEqualTo("10.0.0.2");
        assertThat(s.maxItemsPerRequest()).as("file").isEqualTo(77);
        assertThat(s.queueCapacity()).as("default").isEqualTo(100_000);
    }

    @Test
    void theDefaultConfigFileIsReadWhenPresentAndANamedOneInstead() throws Exception {
        configFile("app-secret=from-default-file\n");
        assertThat(load(Map.of(), Map.of(), null).appSecret()).isEqualTo("from-default-file");
        Path named = Files.writeString(home.resolve("other.properties"), "APP_SECRET = from-named-file\n");
        assertThat(load(Map.of(), Map.of(), named).appSecret()).as("keys in env spelling are accepted too")
                .isEqualTo("from-named-file");
    }

    @Test
    void blankEnvironmentValuesCountAsUnset() throws Exception {
        configFile("port=1111\n");
        assertThat(load(Map.of("TICKWATCH_PORT", "  "), Map.of(), null).port()).isEqualTo(1111);
    }

    @Test
    void errorsNameTheSettingAndWhereTheValueCameFrom() throws Exception {
        assertThatThrownBy(() -> load(Map.of("TICKWATCH_PORT", "eighty"), Map.of(), null))
                .isInstanceOf(InvalidSettings.class)
                .hasMessage("port (from TICKWATCH_PORT) must be a whole number, not 'eighty'");
        assertThatThrownBy(() -> load(Map.of(), Map.of(Setting.PORT, "70000"), null))
                .hasMessage("port (from --port) must be between 0 and 65535, not 70000");
        configFile("max-body-bytes=0\n");
        assertThatThrownBy(() -> load(Map.of(), Map.of(), null))
                .hasMessage("max-body-bytes (from the config file, key max-body-bytes) must be positive, not 0");
    }

    @Test
    void unknownKeysAndMissingFilesAreRefused() throws Exception {
        configFile("prot=8080\n");
        assertThatThrownBy(() -> load(Map.of(), Map.of(), null))
                .isInstanceOf(InvalidSettings.class).hasMessageContaining("unknown key 'prot'");
        assertThatThrownBy(() -> load(Map.of(), Map.of(), home.resolve("missing.properties")))
                .isInstanceOf(InvalidSettings.class).hasMessageContaining("cannot read the config file");
    }

    @Test
    void theQueueMustHoldTheLargestRequest() {
        assertThatThrownBy(() -> load(Map.of("TICKWATCH_QUEUE_CAPACITY", "10", "TICKWATCH_MAX_ITEMS_PER_REQUEST", "11"),
                Map.of(), null)).hasMessage("queue-capacity (10) must be at least max-items-per-request (11)");
    }

    @Test
    void onlyH2AndPostgresqlUrlsAreAccepted() throws Exception {
        assertThatThrownBy(() -> load(Map.of("TICKWATCH_DB", "jdbc:mysql://x/y"), Map.of(), null))
                .hasMessage("db (from TICKWATCH_DB) must be a jdbc:h2:… or jdbc:postgresql:… URL");
        assertThat(load(Map.of(), Map.of(Setting.DB, "jdbc:postgresql://127.0.0.1/test"), null).db())
                .isEqualTo("jdbc:postgresql://127.0.0.1/test");
    }

    @Test
    void secretsAreNeverShown() throws Exception {
        Settings s = load(Map.of("TICKWATCH_APP_SECRET", "s3cr3t-app", "TICKWATCH_VERIFY_TOKEN", "v3rify",
                "TICKWATCH_API_TOKEN", "ap1-token", "TICKWATCH_DB", "jdbc:postgresql://h/db?user=u&password=pw123"),
                Map.of(), null);
        assertThat(s.toString()).doesNotContain("s3cr3t-app", "v3rify", "ap1-token", "pw123").contains("appSecret=set");
    }

    @Test
    void dashboardDemoAndAlertSettingsHaveDefaultsAndAreParsed() throws Exception {
        Settings d = load(Map.of(), Map.of(), null);
        assertThat(d.webhookPath()).isEqualTo("/webhook");
        assertThat(d.demo()).isFalse();
        assertThat(d.privacy()).isFalse();
        assertThat(d.timeZone()).isEqualTo("local");
        assertThat(d.alerts()).isEqualTo(AlertThresholds.DEFAULTS);
        assertThat(d.dbUser()).isNull();

        configFile("webhook-path=/hooks/wa\nprivacy=yes\ntime-zone=asia/kolkata\nalert-read-rate-min=42.5\n"
                + "db-user=watcher\ndb-password=pw\n");
        Settings s = load(Map.of("TICKWATCH_TIME_ZONE", "utc"), Map.of(Setting.DEMO, "true"), null);
        assertThat(s.webhookPath()).isEqualTo("/hooks/wa");
        assertThat(s.privacy()).isTrue();
        assertThat(s.demo()).isTrue();
        assertThat(s.timeZone()).isEqualTo("UTC");
        assertThat(s.alerts().readRateMinPercent()).isEqualTo(42.5);
        assertThat(s.dbUser()).isEqualTo("watcher");
        assertThat(s.toString()).doesNotContain("pw,").contains("dbPassword=set");
    }

    @Test
    void badDashboardDemoAndAlertSettingsSayWhatIsWrong() {
        assertThatThrownBy(() -> load(Map.of("TICKWATCH_WEBHOOK_PATH", "/api/hook"), Map.of(), null))
                .hasMessageContaining("webhook-path (from TICKWATCH_WEBHOOK_PATH)").hasMessageContaining("/api");
        assertThatThrownBy(() -> load(Map.of("TICKWATCH_WEBHOOK_PATH", "hook"), Map.of(), null))
                .hasMessageContaining("must start with /");
        assertThatThrownBy(() -> load(Map.of("TICKWATCH_PRIVACY", "maybe"), Map.of(), null))
                .hasMessageContaining("privacy").hasMessageContaining("true or false");
        assertThatThrownBy(() -> load(Map.of("TICKWATCH_TIME_ZONE", "Mars/Olympus"), Map.of(), null))
                .hasMessageContaining("time-zone").hasMessageContaining("zone id");
        assertThatThrownBy(() -> load(Map.of("TICKWATCH_ALERT_DELIVERY_RATE_MIN", "120"), Map.of(), null))
                .hasMessageContaining("alert-delivery-rate-min").hasMessageContaining("between 0 and 100");
        assertThatThrownBy(() -> load(Map.of("TICKWATCH_ALERT_DELIVERY_SECONDS_MAX", "NaN"), Map.of(), null))
                .hasMessageContaining("must be a number");
    }
}
