package io.tickwatch.live;

import io.tickwatch.store.CommitListener;
import io.tickwatch.store.FunnelCounts;
import io.tickwatch.store.FunnelQuery;
import io.tickwatch.store.StatusStore;
import io.tickwatch.store.WriteBatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small live model for the first window: statuses committed since start (counted on the writer
 * thread as commits happen) and the store's funnel (refreshed once a second on its own thread).
 * Readers take the latest immutable {@link Snapshot}; nothing here blocks them.
 */
public final class LiveSummary implements CommitListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveSummary.class);

    /** What the window shows at one moment. */
    public record Snapshot(FunnelCounts funnel, long statusesSinceStart, long rejectedSinceStart,
                           long requestsSinceStart, int queuedItems, boolean storeReachable) {
    }

    private final StatusStore store;
    private final IntSupplier queuedItems;
    private final AtomicLong statuses = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicReference<FunnelCounts> funnel = new AtomicReference<>(FunnelCounts.EMPTY);
    private volatile boolean reachable = true;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tickwatch-live-refresh");
        t.setDaemon(true);
        return t;
    });

    public LiveSummary(StatusStore store, IntSupplier queuedItems) {
        this.store = store;
        this.queuedItems = queuedItems;
    }

    public void start() {
        refresher.scheduleWithFixedDelay(this::refresh, 0, 1, TimeUnit.SECONDS);
    }

    private void refresh() {
        try {
            funnel.set(store.funnel(FunnelQuery.ALL));
            reachable = true;
        } catch (RuntimeException e) {
            if (refresher.isShutdown()) {
                return; // closing: the store may already be gone
            }
            if (reachable) {
                LOG.warn("Live summary cannot read the store: {}", e.toString());
            }
            reachable = false;
        }
    }

    @Override
    public void committed(WriteBatch batch) {
        statuses.addAndGet(batch.events().stream().mapToLong(e -> e.seen()).sum());
        rejected.addAndGet(batch.rejected().size());
        requests.addAndGet(batch.requests().size());
    }

    public Snapshot snapshot() {
        return new Snapshot(funnel.get(), statuses.get(), rejected.get(), requests.get(), queuedItems.getAsInt(),
                reachable);
    }

    @Override
    public void close() {
        refresher.shutdownNow();
    }
}
