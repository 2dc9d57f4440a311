package io.tickwatch.live;

import io.tickwatch.concurrent.ThreadPolicy;
import io.tickwatch.store.ChangeFeed;
import io.tickwatch.store.DashboardQueries;
import io.tickwatch.store.FunnelCounts;
import io.tickwatch.store.FunnelQuery;
import io.tickwatch.store.LatencyStats;
import io.tickwatch.store.StatusStore;
import io.tickwatch.store.ThroughputBucket;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live model behind the dashboard. Commits feed {@link StatusRate} incrementally (statuses per
 * second, a change counter); the range-dependent aggregates (funnel, latencies, throughput) are queried
 * on this feed's own daemon thread only when something changed, the range changed, or
 * {@value #MAX_AGE_MILLIS} ms passed (so a sliding window slides and other writers are seen), and never
 * more often than every {@value #MIN_GAP_MILLIS} ms, whatever the ingest rate. Readers on any thread
 * take {@link #snapshot()}: a few volatile reads, never a query.
 */
public final class OverviewFeed implements ChangeFeed.Listener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OverviewFeed.class);
    static final long MIN_GAP_MILLIS = 500;
    static final long MAX_AGE_MILLIS = 5_000;
    /** Throughput charts get at most about this many buckets, whatever the range. */
    static final int MAX_BUCKETS = 90;
    /** Multiples of the maintained throughput grain (10 s). */
    private static final long[] NICE_BUCKETS = {10_000, 30_000, 60_000, 300_000, 600_000, 1_800_000,
            3_600_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000};

    /** What the dashboard shows at one moment. */
    public record Snapshot(OverviewData data, boolean storeReachable, double statusesPerSecond, int queuedItems,
                           long statusesSinceStart) {
    }

    private final StatusStore store;
    private final DashboardQueries queries;
    private final StatusRate rate;
    private final IntSupplier queuedItems;
    private final LongSupplier clock;
    private final AtomicReference<OverviewData> latest = new AtomicReference<>(OverviewData.NONE);
    private final AtomicBoolean started = new AtomicBoolean();
    private volatile TimeRange range = TimeRange.LAST_HOUR;
    private volatile boolean reachable = true;
    private final AtomicLong externalChanges = new AtomicLong();
    private long seenChanges = -1;
    private TimeRange seenRange;
    private long lastRefresh;
    private long sequence;
    private final ScheduledExecutorService worker;

    public OverviewFeed(StatusStore store, DashboardQueries queries, StatusRate rate, IntSupplier queuedItems,
                        LongSupplier clockMillis, ThreadPolicy threads) {
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = threads.newThread(r, "tickwatch-overview");
            t.setUncaughtExceptionHandler((th, e) -> LOG.error("overview refresh failed", e));
            return t;
        });
        this.store = store;
        this.queries = queries;
        this.rate = rate;
        this.queuedItems = queuedItems;
        this.clock = clockMillis;
    }

    /** Starts refreshing; calling it again does nothing. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        worker.scheduleWithFixedDelay(this::refreshIfDue, 0, 50, TimeUnit.MILLISECONDS);
    }

    /** The range the aggregates cover; the next refresh (within ~50 ms) uses it. */
    public void select(TimeRange newRange) {
        this.range = newRange;
    }

    public TimeRange range() {
        return range;
    }

    /** For change feeds of other processes (PostgreSQL LISTEN/NOTIFY): refresh soon. */
    public void changedElsewhere() {
        externalChanges.incrementAndGet();
    }

    /** Another instance committed these messages (PostgreSQL NOTIFY): refresh soon. */
    @Override
    public void changed(java.util.Set<String> messageIds) {
        changedElsewhere();
    }

    /** The change feed reconnected: notices may have been lost, so recount soon. */
    @Override
    public void missedSome() {
        changedElsewhere();
    }

    public Snapshot snapshot() {
        return new Snapshot(latest.get(), reachable, rate.perSecond(), queuedItems.getAsInt(), rate.total());
    }

    private void refreshIfDue() {
        long now = clock.getAsLong();
        long changes = rate.commits() + externalChanges.get();
        TimeRange r = range;
        boolean changed = changes != seenChanges || r != seenRange;
        boolean stale = now - lastRefresh >= (reachable ? MAX_AGE_MILLIS : 1_000);
        if (!(changed && now - lastRefresh >= MIN_GAP_MILLIS || r != seenRange || stale)) {
            return;
        }
        seenChanges = changes;
        seenRange = r;
        lastRefresh = now;
        try {
            latest.set(query(r, now));
            if (!reachable) {
                LOG.info("The store answers again");
            }
            reachable = true;
        } catch (RuntimeException e) {
            if (worker.isShutdown()) {
                return;
            }
            if (reachable) {
                LOG.warn("The dashboard cannot read the store: {}", e.toString());
            }
            reachable = false;
        }
    }

    /**
     * Queries funnel, latencies and throughput for {@code r}, publishing after each step: on a large
     * store the KPI tiles fill first and the charts follow, instead of everything waiting for the slowest.
     */
    private OverviewData query(TimeRange r, long now) {
        Long earliest = queries.earliestMessage().orElse(null);
        Long since = r.since(now);
        long from = since != null ? since : earliest != null ? Math.min(earliest, now - 60_000) : now - 3_600_000;
        long bucket = bucketFor(now - from);
        long start = Math.floorDiv(from, bucket) * bucket;
        long until = Math.floorDiv(now, bucket) * bucket + bucket;
        OverviewData previous = latest.get();
        boolean sameRange = previous.range() == r && previous.sequence() > 0;
        LatencyStats latency = sameRange ? previous.latency() : LatencyStats.EMPTY;
        List<ThroughputBucket> throughput = sameRange && previous.bucketMillis() == bucket ? previous.throughput() : List.of();
        FunnelCounts funnel = store.funnel(new FunnelQuery(null, since, null));
        latest.set(new OverviewData(++sequence, r, start, until, bucket, funnel, latency, throughput, earliest == null, now));
        throughput = queries.throughput(start, until, bucket);
        latest.set(new OverviewData(++sequence, r, start, until, bucket, funnel, latency, throughput, earliest == null, now));
        latency = queries.latency(since, null);
        return new OverviewData(++sequence, r, start, until, bucket, funnel, latency, throughput, earliest == null, now);
    }

    /** The smallest round bucket that keeps the chart within {@value #MAX_BUCKETS} points. */
    static long bucketFor(long spanMillis) {
        for (long b : NICE_BUCKETS) {
            if (spanMillis / b <= MAX_BUCKETS) {
                return b;
            }
        }
        long day = NICE_BUCKETS[NICE_BUCKETS.length - 1];
        return (spanMillis / MAX_BUCKETS / day + 1) * day;
    }

    @Override
    public void close() {
        // No interrupt (shutdownNow): an interrupted H2 query closes the database file for every thread.
        // Wait for a refresh in progress, so the store is not closed under it.
        worker.shutdown();
        try {
            if (!worker.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("The overview was still counting after 5 s; closing anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
