package io.tickwatch.bench;

import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.testing.RunningTickwatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The benchmark reads a phase's group commits from two scrapes of a real receiver's /metrics. */
class CommitTimesTest {

    @RegisterExtension
    static final RunningTickwatch tw = RunningTickwatch.perClass();

    @Test
    void commitsBetweenTwoScrapesAreCountedWithTheirItems() {
        CommitTimes.Scrape before = CommitTimes.parse(tw.get("/metrics").body());
        // each answer comes after its commit, and one request at a time cannot share a commit
        assertThat(tw.postWebhook(onPremises(status("ct.1", "sent", "1702207800", null),
                status("ct.2", "sent", "1702207800", null), status("ct.3", "sent", "1702207800", null))).status())
                .isEqualTo(200);
        assertThat(tw.postWebhook(onPremises(status("ct.1", "delivered", "1702207801", null))).status()).isEqualTo(200);
        CommitTimes.Scrape after = CommitTimes.parse(tw.get("/metrics").body());

        CommitTimes.Summary s = CommitTimes.between(before, after);

        assertThat(s.commits()).isEqualTo(2);
        assertThat(s.itemsPerCommit()).isEqualTo(2.0);
        assertThat(s.meanMillis()).isPositive();
        assertThat(s.p99AtMostMillis()).isIn(1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1_000.0,
                2_000.0, 5_000.0, Double.POSITIVE_INFINITY);
        assertThat(s.meanMillis()).isLessThanOrEqualTo(s.p99AtMostMillis());
        assertThat(s.slowestAtMostMillis()).isGreaterThanOrEqualTo(s.p99AtMostMillis());
        assertThat(s.over50Millis()).isBetween(0L, 2L);
    }

    @Test
    void nothingBetweenTwoScrapesIsNone() {
        CommitTimes.Scrape now = CommitTimes.parse(tw.get("/metrics").body());
        assertThat(CommitTimes.between(now, now)).isEqualTo(CommitTimes.Summary.NONE);
    }
}
