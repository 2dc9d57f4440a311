package io.tickwatch.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.store.EventRow;
import io.tickwatch.store.WriteBatch;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The incremental rate: kept from commits alone, averaged over complete seconds, forgetting old ones. */
class StatusRateTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final StatusRate rate = new StatusRate(clock::get);

    private static WriteBatch batch(long receivedAt, int seen) {
        return new WriteBatch(List.of(), List.of(new EventRow("m", "sent", receivedAt, receivedAt, seen, UUID.randomUUID())),
                List.of(), List.of(), Map.of(), 0);
    }

    @Test
    void averagesTheLastFiveCompleteSecondsAndCountsRepeats() {
        long now = clock.get();
        rate.committed(batch(now - 1_000, 30)); // previous second
        rate.committed(batch(now - 4_500, 20)); // five seconds ago
        rate.committed(batch(now, 1_000));      // the current, incomplete second does not count yet
        assertThat(rate.perSecond()).isEqualTo(10.0);
        assertThat(rate.total()).isEqualTo(1_050);
        assertThat(rate.commits()).isEqualTo(3);
    }

    @Test
    void oldSecondsFallOutEvenWhenTheirRingSlotIsNotReused() {
        rate.committed(batch(clock.get() - 1_000, 50));
        clock.addAndGet(StatusRate.SECONDS * 1_000L); // a full turn of the ring later: same slots, other seconds
        assertThat(rate.perSecond()).isZero();
        rate.committed(batch(clock.get() - 2_000, 5));
        assertThat(rate.perSecond()).isEqualTo(1.0);
    }

    @Test
    void throughputBucketsStayBoundedForEveryRange() {
        assertThat(OverviewFeed.bucketFor(15 * 60_000L)).isEqualTo(10_000);
        assertThat(OverviewFeed.bucketFor(3_600_000L)).isEqualTo(60_000);
        assertThat(OverviewFeed.bucketFor(7 * 86_400_000L)).isEqualTo(10_800_000);
        for (long span : new long[] {1, 60_000, 86_400_000L, 400L * 86_400_000L}) {
            assertThat(span / OverviewFeed.bucketFor(span)).isLessThanOrEqualTo(OverviewFeed.MAX_BUCKETS);
        }
    }
}
