package io.tickwatch.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tickwatch.testing.RunningTickwatch;
import io.tickwatch.testing.Webhooks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThreadPolicyTest {

    @Test
    void threadsAndGroupsGetThePolicysPriority() throws Exception {
        Thread t = ThreadPolicy.BELOW_UI.newThread(() -> { }, "x");
        assertThat(t.getPriority()).isEqualTo(Thread.MIN_PRIORITY);
        assertThat(t.isDaemon()).isTrue();
        // a library thread created in the group cannot be more urgent than the group allows
        Thread inGroup = new Thread(ThreadPolicy.BELOW_UI.group("g"), () -> { }, "y");
        assertThat(inGroup.getPriority()).isEqualTo(Thread.MIN_PRIORITY);
        assertThat(ThreadPolicy.NORMAL.factory("n").newThread(() -> { }).getName()).isEqualTo("n-1");
        assertThatThrownBy(() -> new ThreadPolicy(Thread.MAX_PRIORITY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDesktopStartRunsTheWriterAndTheReceiverBelowTheUi(@TempDir Path dir) throws Exception {
        try (RunningTickwatch tw = RunningTickwatch.startForDesktop(dir)) {
            tw.postWebhook(Webhooks.onPremises(Webhooks.status("wamid.P1", "sent", "1702207800", "919876543210")));
            assertThat(tickwatchThreads()).containsEntry("tickwatch-writer", Thread.MIN_PRIORITY)
                    .containsEntry("tickwatch-receiver I/O", Thread.MIN_PRIORITY) // XNIO's IO threads
                    .containsEntry("tickwatch-receiver task", Thread.MIN_PRIORITY); // its worker pool (parsing)
        }
    }

    @Test
    void demoTrafficOfADesktopStartRunsBelowTheUi(@TempDir Path dir) throws Exception {
        try (RunningTickwatch tw = RunningTickwatch.startForDesktop(dir)) {
            // only the threads this demo starts: other tests' demos (normal priority) may still have idle threads
            java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
            tw.app().demo().start();
            try {
                await().atMost(Duration.ofSeconds(30)).until(() -> tw.app().demo().stats().acknowledged() > 0);
                Map<String, Integer> started = Thread.getAllStackTraces().keySet().stream()
                        .filter(t -> !before.contains(t) && t.getName().startsWith("tickwatch-demo"))
                        .collect(Collectors.toMap(t -> t.getName().replaceAll("-\\d+$", ""), Thread::getPriority, Math::max));
                assertThat(started).containsEntry("tickwatch-demo-scheduler", Thread.MIN_PRIORITY)
                        .containsEntry("tickwatch-demo-http", Thread.MIN_PRIORITY); // the HTTP client's completions
            } finally {
                tw.app().demo().stop();
            }
        }
    }

    @Test
    void aHeadlessReceiverKeepsNormalPriority(@TempDir Path dir) throws Exception {
        try (RunningTickwatch tw = RunningTickwatch.start(dir)) {
            tw.postWebhook(Webhooks.onPremises(Webhooks.status("wamid.P2", "sent", "1702207800", "919876543210")));
            assertThat(tickwatchThreads()).containsEntry("tickwatch-writer", Thread.NORM_PRIORITY)
                    .containsEntry("tickwatch-receiver I/O", Thread.NORM_PRIORITY);
        }
    }

    /** Live tickwatch threads by name without their number, with the highest priority among them. */
    private static Map<String, Integer> tickwatchThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("tickwatch-"))
                .collect(Collectors.toMap(t -> t.getName().replaceAll("-\\d+$", ""), Thread::getPriority, Math::max));
    }
}
