package io.tickwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.config.Settings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DESIGN.md §2 command line: help and version exit 0, usage errors exit 2 with a message on stderr. */
class CommandLineParserTest {

    @TempDir
    Path home;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    CommandLineParser.Outcome parse(Map<String, String> env, String... args) {
        return new CommandLineParser(env, home, new PrintWriter(out), new PrintWriter(err)).parse(args);
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        CommandLineParser.Outcome o = parse(Map.of(), "--help");
        assertThat(o.exitCode()).isZero();
        assertThat(o.settings()).isEmpty();
        assertThat(out.toString()).contains("--headless", "--port", "--db", "--config", "TICKWATCH_APP_SECRET");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void versionPrintsTheVersionAndExitsZero() {
        CommandLineParser.Outcome o = parse(Map.of(), "--version");
        assertThat(o.exitCode()).isZero();
        assertThat(o.settings()).isEmpty();
        assertThat(out.toString()).startsWith("tickwatch ");
    }

    @Test
    void anUnknownFlagExitsTwoWithAMessage() {
        CommandLineParser.Outcome o = parse(Map.of(), "--prot", "8080");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(o.settings()).isEmpty();
        assertThat(err.toString()).contains("tickwatch:", "--prot", "Try 'tickwatch --help'");
    }

    @Test
    void aBadPortExitsTwoWithAMessage() {
        CommandLineParser.Outcome o = parse(Map.of(), "--port", "http");
        assertThat(o.exitCode()).isEqualTo(2);
        assertThat(err.toString()).contains("port (from --port) must be a whole number, not 'http'");
        StringWriter err2 = new StringWriter();
        CommandLineParser.Outcome range = new CommandLineParser(Map.of(), home, new PrintWriter(out), new PrintWriter(err2))
                .parse("--port", "65536");
        assertThat(range.exitCode()).isEqualTo(2);
        assertThat(err2.toString()).contains("must be between 0 and 65535");
    }

    @Test
    void aMissingFlagValueIsAUsageError() {
        assertThat(parse(Map.of(), "--port").exitCode()).isEqualTo(2);
        assertThat(err.toString()).contains("tickwatch:");
    }

    @Test
    void flagsAndEnvironmentBecomeSettings() {
        CommandLineParser.Outcome o = parse(Map.of("TICKWATCH_PORT", "9000", "TICKWATCH_VERIFY_TOKEN", "vt"),
                "--headless", "--port", "9001", "--bind", "0.0.0.0", "--db", "jdbc:h2:mem:x");
        assertThat(o.exitCode()).isZero();
        Settings s = o.settings().orElseThrow();
        assertThat(s.headless()).isTrue();
        assertThat(s.port()).as("the flag wins over the environment").isEqualTo(9001);
        assertThat(s.bind()).isEqualTo("0.0.0.0");
        assertThat(s.db()).isEqualTo("jdbc:h2:mem:x");
        assertThat(s.verifyToken()).isEqualTo("vt");
    }

    @Test
    void secretsAreNotFlags() {
        assertThat(parse(Map.of(), "--app-secret", "x").exitCode()).as("secrets would show in ps").isEqualTo(2);
    }
}
