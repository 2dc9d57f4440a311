package io.tickwatch.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.cli.CommandLineParser;
import io.tickwatch.receiver.RequestLog;
import io.tickwatch.testing.MergedFields;
import io.tickwatch.testing.RunningTickwatch;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tickwatch capture} and {@code tickwatch replay} through the real command line against real receivers:
 * a replayed capture rebuilds the same store (re-signed for a receiver with an app secret), bad files are refused
 * naming the line, and the replay keeps the recorded rhythm at N× speed.
 */
class ReplayTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int cli(Map<String, String> env, String... args) {
        return new CommandLineParser(env, dir, new PrintWriter(out, true), new PrintWriter(err, true)).parse(args).exitCode();
    }

    @Test
    void aCaptureReplayedAtTenTimesSpeedIntoAnotherStoreRebuildsTheSameMessages() throws Exception {
        Path a = Files.createDirectory(dir.resolve("a"));
        Path b = Files.createDirectory(dir.resolve("b"));
        Path capture = dir.resolve("capture.jsonl");
        String urlA;
        long requestsA;
        Map<String, MergedFields> original;
        try (RunningTickwatch tw = RunningTickwatch.start(a)) {
            urlA = tw.app().settings().db();
            VirtualRun.Result run = VirtualRun.run(tw.app().webhookUrl(), null,
                    DemoConfig.defaults().toBuilder().seed(99L).build(), 300, System.currentTimeMillis() - 86_400_000L);
            original = Observed.stored(urlA, run.expectedStates().keySet());
            assertThat(original).isEqualTo(Observed.merged(run.expectedStates()));
            requestsA = tw.queryLong("SELECT COUNT(*) FROM webhook_requests");
        }

        assertThat(cli(Map.of(), "capture", "--db", urlA, "--out", capture.toString())).as(err.toString()).isZero();
        assertThat(out.toString()).contains("Captured " + requestsA + " requests");
        assertThat(Files.readAllLines(capture)).hasSize((int) requestsA);

        try (RunningTickwatch tw = RunningTickwatch.start(b, Map.of("TICKWATCH_APP_SECRET", "replay-secret"))) {
            int code = cli(Map.of("TICKWATCH_APP_SECRET", "replay-secret"), "replay", capture.toString(),
                    "--to", tw.app().webhookUrl(), "--speed", "10");
            assertThat(code).as(err.toString()).isZero();
            assertThat(out.toString()).contains("re-signed with the app secret")
                    .contains("Done: " + requestsA + " requests, " + requestsA + " answered 200");
            assertThat(Observed.stored(tw.app().settings().db(), original.keySet())).isEqualTo(original);
            assertThat(tw.queryLong("SELECT COUNT(*) FROM messages")).isEqualTo(original.size());
            assertThat(tw.queryLong("SELECT COUNT(*) FROM webhook_requests")).isEqualTo(requestsA);
        }
    }

    @Test
    void captureSinceKeepsOnlyLaterRequestsAndAnEmptyCaptureWritesNothing() throws Exception {
        String url;
        long cut;
        long later;
        try (RunningTickwatch tw = RunningTickwatch.start(dir)) {
            url = tw.app().settings().db();
            tw.postWebhook("{\"statuses\":[{\"id\":\"wamid.1\",\"status\":\"sent\",\"timestamp\":\"1714558530\"}]}");
            cut = nextMillisecond(System.currentTimeMillis()); // two distinct receive times around the cut
            nextMillisecond(cut);
            tw.postWebhook("{\"statuses\":[{\"id\":\"wamid.2\",\"status\":\"sent\",\"timestamp\":\"1714558531\"}]}");
            later = tw.queryLong("SELECT COUNT(*) FROM webhook_requests WHERE received_at >= " + cut);
        }
        Path capture = dir.resolve("later.jsonl");
        assertThat(cli(Map.of("TICKWATCH_DB", url), "capture", "--out", capture.toString(), "--since",
                Instant.ofEpochMilli(cut).toString())).as(err.toString()).isZero();
        assertThat(later).isEqualTo(1);
        assertThat(Files.readAllLines(capture)).singleElement().asString().contains("wamid.2");

        Path none = dir.resolve("none.jsonl");
        assertThat(cli(Map.of("TICKWATCH_DB", url), "capture", "--out", none.toString(), "--since", "2999-01-01T00:00:00Z"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("holds no webhook requests received since 2999-01-01T00:00:00Z");
        assertThat(none).doesNotExist();
        assertThat(cli(Map.of(), "capture", "--db", url, "--out", none.toString(), "--since", "last tuesday"))
                .isEqualTo(CommandLineParser.USAGE_ERROR);
        assertThat(err.toString()).contains("--since must be an ISO-8601 time");
    }

    @Test
    void aBadReplayFileIsRefusedNamingTheLineAndNothingIsPosted() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        Files.writeString(file, "{\"at\":\"2024-05-01T10:15:30Z\",\"body\":\"{\\\"statuses\\\":[]}\"}\n"
                + "{\"at\":\"2024-05-01T10:15:31Z\",\"body\":\"{}\"}\n"
                + "{\"at\":\"2024-05-01 10:15\",\"body\":\"{}\"}\n");
        try (RunningTickwatch tw = RunningTickwatch.start(Files.createDirectory(dir.resolve("tw")))) {
            assertThat(cli(Map.of(), "replay", file.toString(), "--to", tw.app().webhookUrl())).isEqualTo(1);
            assertThat(err.toString()).contains("tickwatch replay: " + file + ": line 3: \"at\" is not an ISO-8601 time");
            assertThat(tw.app().requestLog().recent(10)).as("nothing posted").isEmpty();

            assertThat(cli(Map.of(), "replay", dir.resolve("missing.jsonl").toString(), "--to", tw.app().webhookUrl()))
                    .isEqualTo(1);
            assertThat(err.toString()).contains("no such file: " + dir.resolve("missing.jsonl"));
            assertThat(cli(Map.of(), "replay", file.toString(), "--speed", "0")).isEqualTo(CommandLineParser.USAGE_ERROR);
            assertThat(err.toString()).contains("--speed must be above 0");
            assertThat(cli(Map.of(), "replay", file.toString(), "--to", "localhost:8080/webhook"))
                    .isEqualTo(CommandLineParser.USAGE_ERROR);
            assertThat(err.toString()).contains("--to: the webhook URL must be an http:// or https:// URL");
        }
    }

    /** A virtual clock that notes every deadline it was asked to wait for. */
    private static final class RecordingClock implements SimulationClock {
        final SimulationClock.Virtual clock = SimulationClock.virtual(1_000_000);
        final List<Long> deadlines = new ArrayList<>();

        @Override
        public long now() {
            return clock.now();
        }

        @Override
        public void awaitUntil(long at) throws InterruptedException {
            deadlines.add(at - 1_000_000);
            clock.awaitUntil(at);
        }
    }

    @Test
    void requestsGoOutInRecordedOrderAtNTimesSpeedWithTheirHeadersAndFreshProofs() throws Exception {
        Instant t0 = Instant.parse("2024-05-01T10:00:00Z");
        String body = "{\"statuses\":[{\"id\":\"wamid.R%d\",\"status\":\"sent\",\"timestamp\":\"1714557600\"}]}";
        List<CapturedRequest> capture = List.of( // out of order in the file: replayed by time
                new CapturedRequest(t0.plusSeconds(10), Map.of(), body.formatted(3)),
                new CapturedRequest(t0, Map.of("X-Provider", "aisensy", "Host", "provider.example",
                        "X-Hub-Signature-256", "sha256=[redacted]", "Content-Length", "1"), body.formatted(1)),
                new CapturedRequest(t0.plusMillis(1_000), Map.of(), body.formatted(2)));
        RecordingClock clock = new RecordingClock();
        Replayer replayer = new Replayer(capture, 4, clock);
        assertThat(replayer.schedule()).containsExactly(0L, 250L, 2_500L);

        try (RunningTickwatch tw = RunningTickwatch.start(dir, Map.of("TICKWATCH_APP_SECRET", "s"))) {
            Replayer.Summary s = replayer.replayTo(new WebhookTarget(java.net.URI.create(tw.app().webhookUrl()), "s", null));
            assertThat(clock.deadlines).containsExactly(0L, 250L, 2_500L);
            assertThat(s.acknowledged()).isEqualTo(3);
            assertThat(s.refused()).isZero();
            // a virtual clock does not wait, so the three are under way together: their order is the deadlines above
            List<RequestLog.Entry> logged = tw.app().requestLog().recent(10);
            assertThat(logged).extracting(RequestLog.Entry::body)
                    .containsExactlyInAnyOrder(body.formatted(1), body.formatted(2), body.formatted(3));
            assertThat(logged).allSatisfy(e -> assertThat(e.status()).as("re-signed with the receiver's secret").isEqualTo(200));
            RequestLog.Entry first = logged.stream().filter(e -> e.body().equals(body.formatted(1))).findFirst().orElseThrow();
            assertThat(first.headers()).containsEntry("X-Provider", "aisensy")
                    .doesNotContainEntry("Host", "provider.example");
        }
    }

    /** Waits until the clock is past {@code millis}; returns the new time. */
    private static long nextMillisecond(long millis) {
        org.awaitility.Awaitility.await().pollInterval(java.time.Duration.ofMillis(1))
                .until(() -> System.currentTimeMillis() > millis);
        return System.currentTimeMillis();
    }
}
