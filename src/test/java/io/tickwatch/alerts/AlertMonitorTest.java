package io.tickwatch.alerts;

import static io.tickwatch.alerts.LiveStore.many;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwatch.alerts.AlertEvent.Change;
import io.tickwatch.alerts.RuleReading.Verdict;
import io.tickwatch.config.AlertThresholds;
import io.tickwatch.testing.Backend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor over a real H2 store: state per rule, one event per transition to the listeners and the
 * history (bounded, newest first), thresholds replaced at run time, evaluation on its own thread, and
 * what happens when the data thins out or the store cannot be read.
 */
class AlertMonitorTest {

    @TempDir
    Path dir;
    LiveStore store;
    final AtomicLong later = new AtomicLong();
    final List<AlertEvent> heard = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    AlertMonitor monitor;

    @BeforeEach
    void open() {
        store = LiveStore.open(Backend.H2, dir);
        // 20 sent in the last hour, 19 delivered 5 s later: delivery rate 95 %, every other rule quiet
        List<String> items = new ArrayList<>(many("m", 0, 20, "sent", store.ago(900)));
        items.addAll(many("m", 0, 19, "delivered", store.ago(895)));
        store.post(items);
    }

    private AlertMonitor monitor(int historySize) {
        monitor = new AlertMonitor(store.queries(), AlertThresholds.DEFAULTS,
                () -> System.currentTimeMillis() + later.get(), historySize, io.tickwatch.concurrent.ThreadPolicy.NORMAL);
        monitor.addListener((status, changes) -> {
            heard.addAll(changes);
            threads.add(Thread.currentThread().getName());
        });
        return monitor;
    }

    @AfterEach
    void close() {
        monitor.close();
        store.close();
    }

    private static AlertThresholds deliveryMin(double percent) {
        AlertThresholds d = AlertThresholds.DEFAULTS;
        return new AlertThresholds(percent, d.undeliveredCount(), d.undeliveredMinutes(), d.readRateMinPercent(),
                d.deliverySecondsMax(), d.webhookErrors());
    }

    @Test
    void beforeTheFirstEvaluationNothingFires() {
        AlertStatus s = monitor(10).status();
        assertThat(s.evaluatedAt()).isZero();
        assertThat(s.active()).isEmpty();
        assertThat(s.readings()).extracting(RuleReading::verdict).containsOnly(Verdict.TOO_LITTLE_DATA);
    }

    @Test
    void thresholdsReplacedAtRunTimeTakeEffectAndEachTransitionIsToldOnceAndKept() {
        monitor(10);
        assertThat(monitor.evaluateNow().active()).isEmpty();
        assertThat(monitor.evaluateNow().history()).isEmpty();

        monitor.thresholds(deliveryMin(96));
        assertThat(monitor.thresholds().deliveryRateMinPercent()).isEqualTo(96);
        AlertStatus fired = monitor.evaluateNow();
        assertThat(fired.active()).extracting(RuleReading::rule).containsExactly(AlertRule.DELIVERY_RATE);
        assertThat(fired.thresholds().deliveryRateMinPercent()).isEqualTo(96);
        monitor.evaluateNow(); // still firing: no second event
        assertThat(heard).hasSize(1);
        AlertEvent event = heard.get(0);
        assertThat(event.change()).isEqualTo(Change.FIRED);
        assertThat(event.figure()).isEqualTo(95.0);
        assertThat(event.threshold()).isEqualTo(96.0);
        assertThat(event.headline()).isEqualTo("Delivery rate fired: 95 % (under 96 %)");
        assertThat(event.at()).isEqualTo(fired.evaluatedAt());

        monitor.thresholds(deliveryMin(95)); // 95 % is not under 95 %
        AlertStatus cleared = monitor.evaluateNow();
        assertThat(cleared.active()).isEmpty();
        assertThat(heard).extracting(AlertEvent::change).containsExactly(Change.FIRED, Change.CLEARED);
        assertThat(cleared.history()).extracting(AlertEvent::change).containsExactly(Change.CLEARED, Change.FIRED);
        assertThat(cleared.history().get(0).summary()).isEqualTo("95 % (limit 95 %)");
    }

    @Test
    void theHistoryKeepsOnlyTheNewestTransitions() {
        monitor(3);
        for (int i = 0; i < 3; i++) {
            monitor.thresholds(deliveryMin(99 - i));
            monitor.evaluateNow();
            monitor.thresholds(deliveryMin(10));
            monitor.evaluateNow();
        }
        assertThat(heard).hasSize(6);
        List<AlertEvent> history = monitor.status().history();
        assertThat(history).hasSize(3);
        assertThat(history).extracting(AlertEvent::change).containsExactly(Change.CLEARED, Change.FIRED, Change.CLEARED);
        assertThat(history.get(1).threshold()).as("the newest firing: threshold 97").isEqualTo(97.0);
    }

    @Test
    void aStartedMonitorEvaluatesOnItsOwnThreadAndAppliesNewThresholdsAtOnce() {
        monitor(10).start(Duration.ZERO, Duration.ofHours(1)); // after the first run, only new thresholds make it evaluate
        await().atMost(Duration.ofSeconds(30)).until(() -> monitor.status().evaluatedAt() > 0);
        assertThat(heard).isEmpty();

        monitor.thresholds(deliveryMin(99));
        await().atMost(Duration.ofSeconds(30)).until(() -> heard.size() == 1);
        assertThat(heard.get(0).rule()).isEqualTo(AlertRule.DELIVERY_RATE);
        assertThat(heard.get(0).fired()).isTrue();
        assertThat(threads).containsOnly("tickwatch-alerts");
        assertThat(monitor.status().active()).hasSize(1);
    }

    @Test
    void aFiringRuleWhoseWindowEmptiesClearsForLackOfData() {
        monitor(10).thresholds(deliveryMin(99));
        assertThat(monitor.evaluateNow().active()).hasSize(1);
        later.set(2 * 3_600_000); // two hours on: nothing was sent in the last hour
        AlertStatus s = monitor.evaluateNow();
        assertThat(s.reading(AlertRule.DELIVERY_RATE).verdict()).isEqualTo(Verdict.TOO_LITTLE_DATA);
        assertThat(s.active()).isEmpty();
        assertThat(heard).extracting(AlertEvent::change).containsExactly(Change.FIRED, Change.CLEARED);
        assertThat(heard.get(1).summary()).isEqualTo("0 sent messages: too few to judge (20 needed)");
    }

    @Test
    void whileTheStoreCannotBeReadRulesKeepTheirState() {
        monitor(10).thresholds(deliveryMin(99));
        AlertStatus fired = monitor.evaluateNow();
        store.tw.close(); // the pool is gone: every query fails
        AlertStatus blind = monitor.evaluateNow();
        assertThat(blind.storeReachable()).isFalse();
        assertThat(blind.active()).extracting(RuleReading::rule).containsExactly(AlertRule.DELIVERY_RATE);
        assertThat(blind.evaluatedAt()).isEqualTo(fired.evaluatedAt());
        assertThat(heard).hasSize(1);
    }
}
