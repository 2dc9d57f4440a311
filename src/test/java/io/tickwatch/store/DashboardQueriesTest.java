package io.tickwatch.store;

import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.model.FunnelStatus;
import io.tickwatch.testing.RunningTickwatch;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's SQL on a real H2 file, fed over real HTTP. */
class DashboardQueriesTest {

    private static final long T0 = 1_702_207_800L; // 2023-12-10T11:30:00Z

    @TempDir
    Path dir;
    RunningTickwatch tw;
    DashboardQueries queries;

    @BeforeEach
    void start() {
        tw = RunningTickwatch.start(dir);
        queries = tw.app().dashboardQueries();
        // A: sent, delivered after 5 s, read after 60 s; B: sent, delivered after 20 s; C: failed; D: read only
        post(status("A", "sent", ts(0), "919800000001"), status("A", "delivered", ts(5), "919800000001"),
                status("A", "read", ts(60), "919800000001"), status("A", "read", ts(60), "919800000001"),
                status("B", "sent", ts(10), "919800000001"), status("B", "delivered", ts(30), "919800000001"),
                status("C", "failed", ts(20), "919800000002",
                        "\"errors\":[{\"code\":131026,\"title\":\"Message undeliverable\"}]"),
                status("D", "read", ts(3_600), "919800000003"));
    }

    @AfterEach
    void stop() {
        tw.close();
    }

    private void post(String... items) {
        assertThat(tw.postWebhook(onPremises(items)).status()).isEqualTo(200);
    }

    private static String ts(long offsetSeconds) {
        return Long.toString(T0 + offsetSeconds);
    }

    @Test
    void latencyPercentilesAndHistogramCountMessagesWithBothTimes() {
        LatencyStats l = queries.latency(null, null);
        assertThat(l.deliverMedian()).isEqualTo(5_000L);
        assertThat(l.deliverP90()).isEqualTo(20_000L);
        assertThat(l.readMedian()).isEqualTo(60_000L);
        assertThat(l.deliverHistogram().get(2)).isEqualTo(2); // 5–30 s
        assertThat(l.readHistogram().get(4)).isEqualTo(1);    // 1–5 min
        assertThat(queries.latency(T0 * 1000 + 3_000_000, null).deliverMedian()).isNull();
    }

    @Test
    void throughputCountsRepeatsPerBucketAndStatus() {
        var buckets = queries.throughput(T0 * 1000, T0 * 1000 + 120_000, 60_000);
        assertThat(buckets).contains(new ThroughputBucket(T0 * 1000, "sent", 2),
                new ThroughputBucket(T0 * 1000 + 60_000, "read", 2));
    }

    @Test
    void messagesPageIsFilteredSortedAndCounted() {
        MessageTablePage page = queries.messages(MessageFilter.ALL, MessageSort.ID, false, 0, 2);
        assertThat(page.total()).isEqualTo(4);
        assertThat(page.rows()).extracting(s -> s.id()).containsExactly("A", "B");
        page = queries.messages(MessageFilter.ALL, MessageSort.ID, false, 2, 2);
        assertThat(page.rows()).extracting(s -> s.id()).containsExactly("C", "D");
        page = queries.messages(new MessageFilter("800000001", null, null, null, null), MessageSort.ARRIVAL, true, 0, 10);
        assertThat(page.rows()).extracting(s -> s.id()).containsExactlyInAnyOrder("A", "B");
        page = queries.messages(new MessageFilter(null, null, FunnelStatus.FAILED, null, null), MessageSort.ARRIVAL, true, 0, 10);
        assertThat(page.rows()).extracting(s -> s.id()).containsExactly("C");
        page = queries.messages(MessageFilter.ALL, MessageSort.READ, true, 0, 10);
        assertThat(page.rows()).extracting(s -> s.id()).containsExactly("D", "A", "C", "B"); // unread last, newest arrival first
    }

    @Test
    void detailHasTimelineRepeatsAndRawBodies() {
        MessageDetail d = queries.detail("A").orElseThrow();
        assertThat(d.timeline()).extracting(MessageDetail.Observation::status).containsExactly("sent", "delivered", "read");
        assertThat(d.timeline().get(2).seen()).isEqualTo(2);
        assertThat(d.requestBodies().get(d.timeline().get(0).requestId())).contains("\"statuses\"");
        assertThat(queries.detail("nope")).isEmpty();
    }

    @Test
    void phonesAreSortedInSqlWithMedianReadDelay() {
        var rows = queries.phones(null, null, PhoneColumn.MESSAGES, true, 10);
        assertThat(rows).extracting(PhoneRow::phone).startsWith("+919800000001");
        PhoneRow first = rows.get(0);
        assertThat(first.messages()).isEqualTo(2);
        assertThat(first.delivered()).isEqualTo(2);
        assertThat(first.read()).isEqualTo(1);
        assertThat(first.medianReadDelay()).isEqualTo(55_000L);
        var byDelay = queries.phones(null, null, PhoneColumn.MEDIAN_READ_DELAY, false, 10);
        assertThat(byDelay).extracting(PhoneRow::phone).containsExactly("+919800000003", "+919800000001", "+919800000002");
        assertThat(queries.earliestMessage()).contains(T0 * 1000);
    }
}
