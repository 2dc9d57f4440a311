package io.tickwatch.cli;

import io.tickwatch.config.InvalidSettings;
import io.tickwatch.config.Settings;
import io.tickwatch.config.SettingsLoader;
import io.tickwatch.demo.BadCaptureFile;
import io.tickwatch.demo.CaptureFile;
import io.tickwatch.demo.CapturedRequest;
import io.tickwatch.demo.Replayer;
import io.tickwatch.demo.SimulationClock;
import io.tickwatch.demo.WebhookTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tickwatch replay FILE [--to URL] [--speed N]}: posts the requests of a capture file to a receiver in their
 * recorded rhythm, N times faster, re-signed with the app secret (TICKWATCH_APP_SECRET or the config file) when one
 * is set, with the webhook token when one is set.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Replays a capture file (from 'tickwatch capture') against a webhook URL, keeping the relative "
                + "timing of the requests, N times faster.",
                "Bodies are re-signed when an app secret is configured (TICKWATCH_APP_SECRET or the config file); the "
                        + "webhook token is sent when one is configured."})
public final class ReplayCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Environment and home for the secret, token and default URL; set by {@link CommandLineParser}. */
    Map<String, String> environment = Map.of();
    Path home = Path.of(System.getProperty("user.home"));

    @Parameters(index = "0", paramLabel = "FILE", description = "the capture file (JSON Lines)")
    Path file;

    @Option(names = "--to", paramLabel = "URL", description = "webhook URL (default: this machine's Tickwatch, http://127.0.0.1:<port><webhook-path>)")
    String to;

    @Option(names = "--speed", paramLabel = "N", defaultValue = "1", description = "how many times faster than recorded (default 1)")
    double speed;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!(speed > 0) || speed > 1_000_000) {
            err.println("tickwatch replay: --speed must be above 0 and at most 1000000, got " + speed);
            return CommandLineParser.USAGE_ERROR;
        }
        Settings settings;
        try {
            settings = new SettingsLoader(environment, home).load(true, Map.of(), null);
        } catch (InvalidSettings e) {
            err.println("tickwatch replay: " + e.getMessage());
            return CommandLineParser.USAGE_ERROR;
        }
        WebhookTarget target;
        try {
            URI url = URI.create(to != null ? to.trim() : "http://127.0.0.1:" + settings.port() + settings.webhookPath());
            target = new WebhookTarget(url, settings.appSecret(), settings.webhookToken());
        } catch (IllegalArgumentException e) {
            err.println("tickwatch replay: --to: " + e.getMessage());
            return CommandLineParser.USAGE_ERROR;
        }
        List<CapturedRequest> requests;
        try {
            requests = CaptureFile.read(file);
        } catch (NoSuchFileException e) {
            err.println("tickwatch replay: no such file: " + file);
            return 1;
        } catch (IOException e) {
            err.println("tickwatch replay: cannot read " + file + ": " + e.getMessage());
            return 1;
        } catch (BadCaptureFile e) {
            err.println("tickwatch replay: " + e.getMessage());
            return 1;
        }
        Replayer replayer = new Replayer(requests, speed, SimulationClock.wall());
        List<Long> schedule = replayer.schedule();
        out.printf(Locale.ROOT, "Replaying %,d requests over %s (%s× speed) to %s%s%n", replayer.size(),
                human(Duration.ofMillis(schedule.get(schedule.size() - 1))), trim(speed), target.url(),
                target.appSecret() != null ? ", re-signed with the app secret" : "");
        out.flush();
        Replayer.Summary s = replayer.replayTo(target);
        out.printf(Locale.ROOT, "Done: %,d requests, %,d answered 200, %,d retried (503/429 or no connection), "
                + "%,d refused, %,d given up.%n", s.requests(), s.acknowledged(), s.retried(), s.refused(), s.abandoned());
        out.flush();
        if (s.acknowledged() < s.requests()) {
            err.println("tickwatch replay: " + (s.requests() - s.acknowledged()) + " requests were not accepted; last problem: "
                    + s.lastProblem());
            return 1;
        }
        return 0;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static String human(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm%02ds", s / 3600, s / 60 % 60, s % 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60)
                : String.format(Locale.ROOT, "%.1fs", d.toMillis() / 1000.0);
    }
}
