package io.tickwatch.alerts;

import static io.tickwatch.alerts.LiveStore.many;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import io.tickwatch.alerts.RuleReading.Verdict;
import io.tickwatch.config.AlertThresholds;
import io.tickwatch.testing.Backend;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each of the guide's rules fires just past its threshold and clears at it, over a real store (H2 and
 * PostgreSQL) fed over real HTTP; thin windows do not fire. Thresholds are the defaults: delivery rate
 * under 90 %, more than 10 undelivered for over 10 min, read rate under 50 %, average delivery over 30 s,
 * more than 5 refused webhooks in 5 min.
 */
class AlertRulesTest {

    @TempDir
    Path dir;
    LiveStore store;
    /** Added to the real clock: lets a test move the monitor's "now" forward instead of waiting. */
    final AtomicLong later = new AtomicLong();
    AlertMonitor monitor;

    private AlertMonitor open(Backend backend) {
        store = LiveStore.open(backend, dir);
        monitor = new AlertMonitor(store.queries(), AlertThresholds.DEFAULTS,
                () -> System.currentTimeMillis() + later.get(), io.tickwatch.concurrent.ThreadPolicy.NORMAL);
        return monitor;
    }

    @AfterEach
    void close() {
        if (monitor != null) {
            monitor.close();
        }
        if (store != null) {
            store.close();
        }
    }

    private RuleReading read(AlertRule rule) {
        return monitor.evaluateNow().reading(rule);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void deliveryRateFiresUnder90PercentOfTheLastHourAndClearsAtIt(Backend backend) {
        open(backend);
        store.post(many("old", 0, 30, "sent", store.ago(2 * 3600))); // older than an hour: not counted
        store.post(many("m", 0, 19, "sent", store.ago(600)));
        RuleReading thin = read(AlertRule.DELIVERY_RATE);
        assertThat(thin.verdict()).as("19 sent, none delivered: too few to judge").isEqualTo(Verdict.TOO_LITTLE_DATA);
        assertThat(thin.figure()).isEqualTo(0.0);

        store.post(many("m", 19, 1, "sent", store.ago(600)));
        store.post(many("m", 0, 18, "delivered", store.ago(590)));
        RuleReading atThreshold = read(AlertRule.DELIVERY_RATE);
        assertThat(atThreshold.verdict()).isEqualTo(Verdict.CLEAR);
        assertThat(atThreshold.figure()).isEqualTo(90.0);
        assertThat(atThreshold.sample()).isEqualTo(20);

        store.post(many("m", 20, 1, "sent", store.ago(300)));
        AlertStatus fired = monitor.evaluateNow();
        assertThat(fired.reading(AlertRule.DELIVERY_RATE).verdict()).isEqualTo(Verdict.FIRING);
        AlertEvent event = fired.history().stream().filter(e -> e.rule() == AlertRule.DELIVERY_RATE).findFirst().orElseThrow();
        assertThat(event.change()).isEqualTo(AlertEvent.Change.FIRED);
        assertThat(event.figure()).isCloseTo(100.0 * 18 / 21, within(1e-9));
        assertThat(event.threshold()).isEqualTo(90.0);
        assertThat(event.summary()).isEqualTo("85.7 % (under 90 %)");

        store.post(status("m-18", "read", store.ago(200), null), status("m-19", "delivered", store.ago(200), null));
        RuleReading cleared = read(AlertRule.DELIVERY_RATE);
        assertThat(cleared.verdict()).as("read implies delivered: 20 of 21").isEqualTo(Verdict.CLEAR);
        assertThat(monitor.status().history()).filteredOn(e -> e.rule() == AlertRule.DELIVERY_RATE)
                .extracting(AlertEvent::change).containsExactly(AlertEvent.Change.CLEARED, AlertEvent.Change.FIRED);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void undeliveredFiresOnMoreThan10MessagesStuckOver10Minutes(Backend backend) {
        open(backend);
        store.post(many("stuck", 0, 10, "sent", store.ago(11 * 60)));
        store.post(many("young", 0, 5, "sent", store.ago(5 * 60)));          // not stuck for 10 minutes yet
        store.post(many("ancient", 0, 5, "sent", store.ago(3 * 86_400)));    // beyond the one-day look-back
        store.post(status("gone", "sent", store.ago(11 * 60), "919800099999"),
                status("gone", "failed", store.ago(11 * 60 - 5), "919800099999",
                        "\"errors\":[{\"code\":131026,\"title\":\"Message undeliverable\"}]"));
        RuleReading ten = read(AlertRule.UNDELIVERED);
        assertThat(ten.figure()).isEqualTo(10.0);
        assertThat(ten.verdict()).as("10 is not more than 10").isEqualTo(Verdict.CLEAR);

        store.post(many("stuck", 10, 1, "sent", store.ago(11 * 60)));
        RuleReading eleven = read(AlertRule.UNDELIVERED);
        assertThat(eleven.figure()).isEqualTo(11.0);
        assertThat(eleven.verdict()).isEqualTo(Verdict.FIRING);

        store.post(status("stuck-3", "read", store.ago(60), null)); // a read: delivered after all
        assertThat(read(AlertRule.UNDELIVERED).verdict()).isEqualTo(Verdict.CLEAR);

        later.set(6 * 60_000); // six minutes on, the 5 young ones are stuck too
        RuleReading laterOn = read(AlertRule.UNDELIVERED);
        assertThat(laterOn.figure()).isEqualTo(15.0);
        assertThat(laterOn.verdict()).isEqualTo(Verdict.FIRING);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void readRateFiresUnder50PercentOfTheLastDay(Backend backend) {
        open(backend);
        store.post(many("r", 0, 20, "delivered", store.ago(5 * 3600)));
        store.post(many("r", 0, 10, "read", store.ago(4 * 3600)));
        store.post(many("stale", 0, 30, "delivered", store.ago(25 * 3600))); // over a day old: not counted
        RuleReading half = read(AlertRule.READ_RATE);
        assertThat(half.figure()).isEqualTo(50.0);
        assertThat(half.verdict()).isEqualTo(Verdict.CLEAR);

        store.post(many("r", 20, 1, "delivered", store.ago(3600)));
        RuleReading under = read(AlertRule.READ_RATE);
        assertThat(under.verdict()).isEqualTo(Verdict.FIRING);
        assertThat(under.figureText()).isEqualTo("47.6 %");

        store.post(many("r", 10, 1, "read", store.ago(600)));
        assertThat(read(AlertRule.READ_RATE).verdict()).isEqualTo(Verdict.CLEAR);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void deliveryTimeFiresWhenTheHoursAverageExceeds30Seconds(Backend backend) {
        open(backend);
        List<String> slow = new ArrayList<>(many("t", 0, 19, "sent", store.ago(3 * 3600)));
        slow.addAll(many("t", 0, 19, "delivered", store.ago(3 * 3600 - 100)));
        store.post(slow);
        later.set(-(2 * 3600 + 50 * 60) * 1000L); // the monitor looks at the hour that ended 2 h 50 min ago
        RuleReading thin = read(AlertRule.DELIVERY_TIME);
        assertThat(thin.figure()).isEqualTo(100.0);
        assertThat(thin.verdict()).as("100 s on average, but only 19 messages").isEqualTo(Verdict.TOO_LITTLE_DATA);

        later.set(0); // back to now: those 19 are hours old
        List<String> exact = new ArrayList<>(many("u", 0, 20, "sent", store.ago(1200)));
        exact.addAll(many("u", 0, 20, "delivered", store.ago(1200 - 30)));
        store.post(exact);
        RuleReading thirty = read(AlertRule.DELIVERY_TIME);
        assertThat(thirty.figure()).isEqualTo(30.0);
        assertThat(thirty.verdict()).isEqualTo(Verdict.CLEAR);

        store.post(status("u-slow", "sent", store.ago(900), null), status("u-slow", "delivered", store.ago(900 - 52), null));
        RuleReading over = read(AlertRule.DELIVERY_TIME);
        assertThat(over.figure()).isCloseTo(652.0 / 21, within(1e-9));
        assertThat(over.verdict()).isEqualTo(Verdict.FIRING);

        store.post(status("u-fast", "sent", store.ago(800), null), status("u-fast", "delivered", store.ago(800), null));
        assertThat(read(AlertRule.DELIVERY_TIME).verdict()).isEqualTo(Verdict.CLEAR);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void webhookErrorsFireOnMoreThan5RefusedRequestsIn5Minutes(Backend backend) {
        open(backend);
        for (int i = 0; i < 5; i++) {
            assertThat(store.tw.postWebhook("{broken").status()).isEqualTo(400);
        }
        // request counts reach the store with the writer's next flush (within a fraction of a second)
        await().atMost(Duration.ofSeconds(30)).until(() -> read(AlertRule.WEBHOOK_ERRORS).figure() == 5.0);
        assertThat(monitor.status().reading(AlertRule.WEBHOOK_ERRORS).verdict()).isEqualTo(Verdict.CLEAR);

        assertThat(store.tw.request("PUT", "/webhook", "{}").status()).isEqualTo(405);
        await().atMost(Duration.ofSeconds(30)).until(() -> read(AlertRule.WEBHOOK_ERRORS).figure() == 6.0);
        assertThat(monitor.status().reading(AlertRule.WEBHOOK_ERRORS).verdict()).isEqualTo(Verdict.FIRING);

        store.post(many("ok", 0, 3, "sent", store.ago(10))); // 200s are not errors
        assertThat(read(AlertRule.WEBHOOK_ERRORS).figure()).isEqualTo(6.0);

        later.set(7 * 60_000); // seven minutes on, the refusals are out of the window
        RuleReading quiet = read(AlertRule.WEBHOOK_ERRORS);
        assertThat(quiet.figure()).isEqualTo(0.0);
        assertThat(quiet.verdict()).isEqualTo(Verdict.CLEAR);
    }
}
