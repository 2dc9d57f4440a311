package io.tickwatch.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwatch.concurrent.ThreadPolicy;
import io.tickwatch.receiver.RequestLog;
import io.tickwatch.testing.RunningTickwatch;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Demo traffic against a real Tickwatch over real HTTP: {@code --demo} starts it at start-up, it passes the
 * receiver's signature and token checks, a stop really stops it, and a receiver that refuses, limits or is
 * unreachable neither crashes it nor loses what it accepted.
 */
class DemoTrafficOverHttpTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    /** Fast enough to have plenty of webhooks within a second or two. */
    private static final DemoConfig BUSY = DemoConfig.defaults().toBuilder().messagesPerSecond(300).batchWindowMillis(20)
            .timeCompression(100).build();

    @TempDir
    Path dir;

    @Test
    void theDemoSettingStartsTrafficAtStartUpWithoutAWindow() {
        try (RunningTickwatch tw = RunningTickwatch.start(dir, Map.of("TICKWATCH_DEMO", "true"))) {
            DemoTraffic demo = tw.app().demo();
            assertThat(demo.isRunning()).isTrue();
            await().atMost(PATIENCE).until(() -> tw.queryLong("SELECT COUNT(*) FROM messages") >= 5);
            assertThat(tw.get("/api/funnel").json().get("messages").asLong()).isGreaterThanOrEqualTo(5);
            assertThat(demo.stats().refused()).isZero();
            assertThat(demo.stats().messagesPerSecond()).isEqualTo(DemoConfig.defaults().messagesPerSecond());
            tw.close();
            assertThat(demo.isRunning()).as("closing the application stops its demo traffic").isFalse();
        }
    }

    @Test
    void withoutTheDemoSettingNothingIsSent() {
        try (RunningTickwatch tw = RunningTickwatch.start(dir)) {
            assertThat(tw.app().demo().isRunning()).isFalse();
            assertThat(tw.app().demo().stats().requests()).isZero();
            assertThat(tw.queryLong("SELECT COUNT(*) FROM webhook_requests")).isZero();
        }
    }

    @Test
    void withAnAppSecretEveryDemoWebhookIsSignedAndAccepted() {
        try (RunningTickwatch tw = RunningTickwatch.start(dir, Map.of("TICKWATCH_APP_SECRET", "demo-s3cret"))) {
            DemoTraffic demo = tw.app().demo();
            demo.start(BUSY);
            await().atMost(PATIENCE).until(() -> demo.stats().acknowledged() >= 50);
            demo.stop();
            DemoStats s = demo.stats();
            assertThat(s.refused()).isZero();
            assertThat(s.acknowledged()).isEqualTo(s.requests());
            assertThat(tw.app().requestLog().recent(500)).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.status()).as("answer to a demo webhook").isEqualTo(200));
            assertThat(tw.queryLong("SELECT COUNT(*) FROM webhook_requests")).isEqualTo(s.acknowledged());
        }
    }

    @Test
    void aWrongSecretIsRefusedCountedAndNotRetried() {
        try (RunningTickwatch tw = RunningTickwatch.start(dir, Map.of("TICKWATCH_APP_SECRET", "the-real-secret"))) {
            DemoTraffic wrong = new DemoTraffic(new WebhookTarget(URI.create(tw.app().webhookUrl()), "another-secret", null),
                    ThreadPolicy.NORMAL);
            wrong.start(BUSY);
            await().atMost(PATIENCE).until(() -> wrong.stats().refused() >= 10);
            wrong.stop();
            DemoStats s = wrong.stats();
            assertThat(s.acknowledged()).isZero();
            assertThat(s.retried()).isZero();
            assertThat(s.refused()).isEqualTo(s.requests());
            assertThat(s.lastProblem()).contains("HTTP 401");
            assertThat(tw.queryLong("SELECT COUNT(*) FROM messages")).isZero();
        }
    }

    @Test
    void withAWebhookTokenTheTokenIsSentAndAccepted() {
        try (RunningTickwatch tw = RunningTickwatch.start(dir, Map.of("TICKWATCH_WEBHOOK_TOKEN", "tok-123"))) {
            DemoTraffic demo = tw.app().demo();
            demo.start(BUSY);
            await().atMost(PATIENCE).until(() -> demo.stats().acknowledged() >= 20);
            demo.stop();
            assertThat(demo.stats().refused()).isZero();
            assertThat(tw.app().requestLog().recent(500)).allSatisfy(e -> assertThat(e.status()).isEqualTo(200));
        }
    }

    @Test
    void afterStopNoMoreRequestsArriveAndTheSchedulerIsGone() throws InterruptedException {
        try (RunningTickwatch tw = RunningTickwatch.start(dir)) {
            DemoTraffic demo = tw.app().demo();
            demo.start(BUSY);
            await().atMost(PATIENCE).until(() -> demo.stats().acknowledged() >= 100);
            demo.stop();
            assertThat(demo.isRunning()).isFalse();
            assertThat(schedulerAlive()).isFalse();
            // stop() returns once every webhook under way is answered, and a 200 comes after the commit: all are stored
            long stored = tw.queryLong("SELECT COUNT(*) FROM webhook_requests");
            DemoStats atStop = demo.stats();
            assertThat(stored).isEqualTo(atStop.acknowledged());
            long logged = newestLogged(tw.app().requestLog());

            // at 300 messages a second, a leak would show many requests within 1.5 s
            org.awaitility.Awaitility.await().during(java.time.Duration.ofMillis(1_500))
                    .atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> tw.queryLong("SELECT COUNT(*) FROM webhook_requests") == stored);
            assertThat(demo.stats()).isEqualTo(atStop);
            assertThat(newestLogged(tw.app().requestLog())).isLessThanOrEqualTo(logged + atStop.retried());
        }
    }

    @Test
    void startingAgainRestartsWithTheNewConfigurationAndFreshCounts() {
        try (RunningTickwatch tw = RunningTickwatch.start(dir)) {
            DemoTraffic demo = tw.app().demo();
            demo.start(BUSY);
            await().atMost(PATIENCE).until(() -> demo.stats().acknowledged() >= 20);
            DemoConfig slower = BUSY.toBuilder().messagesPerSecond(50).build();
            demo.start(slower);
            assertThat(demo.isRunning()).isTrue();
            assertThat(demo.config()).isEqualTo(slower);
            assertThat(demo.stats().messagesPerSecond()).isEqualTo(50);
            await().atMost(PATIENCE).until(() -> demo.stats().acknowledged() >= 5);
            demo.stop();
            demo.stop(); // twice is harmless
            assertThat(demo.isRunning()).isFalse();
        }
    }

    @Test
    void aRateLimitedReceiverIsRetriedAfterItsRetryAfterAndNothingIsLost() throws Exception {
        try (RunningTickwatch tw = RunningTickwatch.start(dir, Map.of("TICKWATCH_RATE_LIMIT", "40"))) {
            DemoConfig oneStatusPerWebhook = DemoConfig.defaults().toBuilder().messagesPerSecond(20)
                    .maxStatusesPerRequest(1).batchWindowMillis(0).seed(7L).build();
            VirtualRun.Result run = VirtualRun.run(tw.app().webhookUrl(), null, oneStatusPerWebhook, 120,
                    System.currentTimeMillis() - 86_400_000L);
            DemoStats s = run.stats();
            assertThat(s.retried()).as("answers 429").isPositive();
            assertThat(s.refused()).isZero();
            assertThat(s.abandoned()).isZero();
            assertThat(s.acknowledged()).isEqualTo(s.requests());
            var expected = Observed.merged(run.expectedStates());
            assertThat(expected).hasSize(120);
            assertThat(Observed.stored(tw.app().settings().db(), expected.keySet())).isEqualTo(expected);
            assertThat(tw.app().requestLog().recent(500)).anySatisfy(e -> assertThat(e.status()).isEqualTo(429));
        }
    }

    @Test
    void anUnreachableReceiverIsRetriedWithoutACrashAndStopStillStops() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        DemoTraffic demo = new DemoTraffic(new WebhookTarget(URI.create("http://127.0.0.1:" + closedPort + "/webhook"), null, null),
                ThreadPolicy.NORMAL);
        demo.start(BUSY);
        await().atMost(PATIENCE).until(() -> demo.stats().retried() >= 3);
        assertThat(demo.isRunning()).isTrue();
        demo.stop();
        DemoStats s = demo.stats();
        assertThat(s.running()).isFalse();
        assertThat(s.acknowledged()).isZero();
        assertThat(s.abandoned()).as("given up at stop").isPositive();
        assertThat(s.lastProblem()).isNotBlank();
        assertThat(schedulerAlive()).isFalse();
    }

    private static long newestLogged(RequestLog log) {
        return log.recent(1).isEmpty() ? 0 : log.recent(1).get(0).seq();
    }

    private static boolean schedulerAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("tickwatch-demo-scheduler") && t.isAlive());
    }
}
