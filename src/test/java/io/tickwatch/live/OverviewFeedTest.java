package io.tickwatch.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwatch.store.DashboardQueries;
import io.tickwatch.store.EventRow;
import io.tickwatch.store.FunnelCounts;
import io.tickwatch.store.FunnelQuery;
import io.tickwatch.store.LatencyStats;
import io.tickwatch.store.MessageDetail;
import io.tickwatch.store.MessageFilter;
import io.tickwatch.store.MessagePage;
import io.tickwatch.store.MessageQuery;
import io.tickwatch.store.MessageSort;
import io.tickwatch.store.MessageTablePage;
import io.tickwatch.store.MessageView;
import io.tickwatch.store.PhoneColumn;
import io.tickwatch.store.PhoneFunnel;
import io.tickwatch.store.PhoneRow;
import io.tickwatch.store.PhoneSort;
import io.tickwatch.store.StatusStore;
import io.tickwatch.store.StoreException;
import io.tickwatch.store.ThroughputBucket;
import io.tickwatch.store.WriteBatch;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The overview feed queries only when something changed, the range changed or its figures grew old,
 * never more than twice a second, and reports a store that stops answering. Its clock is ours; its
 * thread is real, so "does not query" is checked over a stretch of real time.
 */
class OverviewFeedTest {

    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    private final CountingStore store = new CountingStore();
    private final StatusRate rate = new StatusRate(clock::get);
    private final OverviewFeed feed = new OverviewFeed(store, store, rate, () -> 7, clock::get,
            io.tickwatch.concurrent.ThreadPolicy.NORMAL);

    @AfterEach
    void stop() {
        feed.close();
    }

    private void commit() {
        long now = clock.get();
        rate.committed(new WriteBatch(List.of(), List.of(new EventRow("m", "sent", now, now, 1, UUID.randomUUID())),
                List.of(), List.of(), Map.of(), 0));
    }

    private static final Duration QUIET = Duration.ofMillis(400);

    @Test
    void refreshesWhenSomethingChangedButAtMostEveryHalfSecond() {
        feed.start();
        await().until(() -> store.funnels.get() == 1);
        assertThat(feed.snapshot().data().funnel().messages()).isEqualTo(42);
        assertThat(feed.snapshot().queuedItems()).isEqualTo(7);

        for (int i = 0; i < 100; i++) {
            commit(); // a burst of commits within the same half second
        }
        await().during(QUIET).until(() -> store.funnels.get() == 1);
        clock.addAndGet(OverviewFeed.MIN_GAP_MILLIS);
        await().until(() -> store.funnels.get() == 2); // one refresh for the whole burst
        await().during(QUIET).until(() -> store.funnels.get() == 2);
    }

    @Test
    void aNewRangeRefreshesAtOnceAndOldFiguresAreRefreshedAnyway() {
        feed.start();
        await().until(() -> store.funnels.get() == 1);
        feed.select(TimeRange.LAST_7_DAYS);
        await().until(() -> store.funnels.get() == 2);
        assertThat(feed.snapshot().data().range()).isEqualTo(TimeRange.LAST_7_DAYS);
        assertThat(store.lastSince.get()).isEqualTo(clock.get() - Duration.ofDays(7).toMillis());

        clock.addAndGet(OverviewFeed.MAX_AGE_MILLIS); // nothing committed here, but other writers may have
        await().until(() -> store.funnels.get() == 3);
    }

    @Test
    void aStoreThatStopsAnsweringIsReportedAndTheLastFiguresKept() {
        feed.start();
        await().until(() -> store.funnels.get() == 1);
        store.down = true;
        commit();
        clock.addAndGet(OverviewFeed.MIN_GAP_MILLIS);
        await().until(() -> !feed.snapshot().storeReachable());
        assertThat(feed.snapshot().data().funnel().messages()).isEqualTo(42);

        store.down = false;
        clock.addAndGet(1_000); // while it is down, the feed retries every second
        await().until(() -> feed.snapshot().storeReachable());
    }

    /** A store that counts the overview's questions and answers them with fixed figures (or fails). */
    private static final class CountingStore implements StatusStore, DashboardQueries {
        final AtomicInteger funnels = new AtomicInteger();
        final AtomicLong lastSince = new AtomicLong();
        volatile boolean down;

        private void maybeFail() {
            if (down) {
                throw new StoreException("database unreachable", new java.sql.SQLException("connection refused"));
            }
        }

        @Override
        public FunnelCounts funnel(FunnelQuery query) {
            maybeFail();
            lastSince.set(query.since() == null ? -1 : query.since());
            funnels.incrementAndGet();
            return new FunnelCounts(42, 40, 30, 20, 2);
        }

        @Override
        public LatencyStats latency(Long since, Long until) {
            maybeFail();
            return LatencyStats.EMPTY;
        }

        @Override
        public List<ThroughputBucket> throughput(long since, long until, long bucketMillis) {
            maybeFail();
            return List.of(new ThroughputBucket(since, "sent", 3));
        }

        @Override
        public Optional<Long> earliestMessage() {
            maybeFail();
            return Optional.of(1_600_000_000_000L);
        }

        @Override
        public MessageTablePage messages(MessageFilter f, MessageSort s, boolean d, int o, int l) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<MessageDetail> detail(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<PhoneRow> phones(Long since, Long until, PhoneColumn sort, boolean descending, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public io.tickwatch.store.MessageExportPage messagesAfter(MessageFilter f, MessageSort s, boolean d,
                                                                io.tickwatch.store.MessageCursor a, int l) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void eachPhone(Long since, Long until, PhoneColumn sort, boolean descending,
                              java.util.function.Consumer<PhoneRow> each) {
            throw new UnsupportedOperationException();
        }

        @Override
        public io.tickwatch.store.AlertFigures alertFigures(io.tickwatch.store.AlertFigures.Windows windows) {
            throw new UnsupportedOperationException();
        }

        @Override
        public io.tickwatch.store.DataQuality dataQuality(Long since) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<io.tickwatch.store.FailureReason> failureReasons(Long since, String phone, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void write(WriteBatch batch) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<MessageView> message(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public MessagePage messages(MessageQuery query) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<PhoneFunnel> phones(int limit, PhoneSort sort) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isReachable() {
            return !down;
        }

        @Override
        public String describe() {
            return "counting store";
        }

        @Override
        public void close() {
        }
    }
}
