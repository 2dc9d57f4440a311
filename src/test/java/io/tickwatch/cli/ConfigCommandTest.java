package io.tickwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.config.Settings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tickwatch config set}: the config file is written owner-only and read back as settings. */
class ConfigCommandTest {

    @TempDir
    Path home;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLineParser.Outcome run(String... args) {
        return new CommandLineParser(Map.of(), home, new PrintWriter(out), new PrintWriter(err)).parse(args);
    }

    @Test
    void aSecretIsWrittenOwnerOnlyAndNeverEchoed() throws Exception {
        assertThat(run("config", "set", "app-secret", "s3cr3t-value").exitCode()).isZero();
        Path file = home.resolve(".tickwatch/tickwatch.properties");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(out.toString()).contains("app-secret (secret, not shown)").doesNotContain("s3cr3t-value");

        Settings settings = run("--headless").settings().orElseThrow();
        assertThat(settings.appSecret()).isEqualTo("s3cr3t-value");
        assertThat(settings.toString()).doesNotContain("s3cr3t-value");
    }

    @Test
    void settingAKeyAgainReplacesItAndKeepsTheOthers() throws Exception {
        run("config", "set", "port", "9091");
        run("config", "set", "verify-token", "vt");
        run("config", "set", "port", "9092");
        Settings settings = run("--headless").settings().orElseThrow();
        assertThat(settings.port()).isEqualTo(9092);
        assertThat(settings.verifyToken()).isEqualTo("vt");
        assertThat(Files.readString(home.resolve(".tickwatch/tickwatch.properties"))).containsOnlyOnce("port=");
    }

    @Test
    void aValueTheNextStartWouldRefuseIsNotWritten() throws Exception {
        run("config", "set", "port", "9091");
        assertThat(run("config", "set", "port", "eighty").exitCode()).isEqualTo(CommandLineParser.USAGE_ERROR);
        assertThat(err.toString()).contains("tickwatch config: port must be a whole number, not 'eighty'; nothing written");
        assertThat(run("config", "set", "time-zone", "Mars/Olympus").exitCode()).isEqualTo(CommandLineParser.USAGE_ERROR);
        assertThat(err.toString()).contains("time-zone must be local, UTC or a zone id");
        assertThat(run("--headless").settings().orElseThrow().port()).isEqualTo(9091);
    }

    @Test
    void unknownKeysAndActionsAreRefusedWithTheKnownKeys() {
        assertThat(run("config", "set", "colour", "blue").exitCode()).isEqualTo(CommandLineParser.USAGE_ERROR);
        assertThat(err.toString()).contains("unknown key 'colour'").contains("app-secret");
        assertThat(run("config", "get", "port", "1").exitCode()).isEqualTo(CommandLineParser.USAGE_ERROR);
        assertThat(Files.exists(home.resolve(".tickwatch/tickwatch.properties"))).isFalse();
    }
}
