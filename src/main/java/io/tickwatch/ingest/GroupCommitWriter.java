package io.tickwatch.ingest;

import io.tickwatch.concurrent.ThreadPolicy;
import io.tickwatch.store.CommitListener;
import io.tickwatch.store.StatusStore;
import io.tickwatch.store.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of the store. Requests wait in the {@link IngestQueue}; the writer thread ("tickwatch-writer") takes whatever is waiting, up to {@code maxBatchItems}, folds it
 * per message, commits it in one transaction and only then completes each request's future, so an
 * HTTP 200 always follows the commit that holds its items. A failed commit fails every request of
 * the batch (the sender retries on 503); nothing is acknowledged that is not stored.
 */
public final class GroupCommitWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitWriter.class);
    /** How long the writer waits for work before flushing request counts; also bounds the shutdown delay. */
    private static final long IDLE_FLUSH_MILLIS = 100;

    private final StatusStore store;
    private final RequestCounters counters;
    private final IngestMetrics metrics;
    private final List<CommitListener> listeners;
    private final IngestQueue queue;
    private final int maxBatchItems;
    private final Thread thread;
    private volatile boolean lastCommitFailed;
    /** System.nanoTime() of the failure that set {@link #lastCommitFailed}. */
    private volatile long failedAt;

    public GroupCommitWriter(StatusStore store, IngestQueue queue, RequestCounters counters, IngestMetrics metrics,
                             List<CommitListener> listeners, int maxBatchItems, ThreadPolicy threads) {
        this.store = store;
        this.counters = counters;
        this.metrics = metrics;
        this.listeners = List.copyOf(listeners);
        this.queue = queue;
        this.maxBatchItems = maxBatchItems;
        this.thread = threads.newThread(this::run, "tickwatch-writer");
        this.thread.setUncaughtExceptionHandler((t, e) -> LOG.error("Writer thread died", e));
        metrics.queueDepth(queue::queuedItems);
    }

    public void start() {
        thread.start();
    }

    /**
     * True when the most recent commit failed (database unreachable or refusing writes) and the store has
     * not answered anyone since (a health check, the idle probe); the receiver then refuses webhooks at once
     * instead of queueing them. Asking the store, not only the writer's own probe, means that once /health
     * sees the database back, the very next webhook is tried again.
     */
    public boolean isFailing() {
        return lastCommitFailed && !store.answeredSince(failedAt);
    }

    private void run() {
        List<IngestRequest> batch = new ArrayList<>();
        while (queue.isOpen() || !queue.isEmpty()) {
            try {
                IngestRequest first = queue.poll(IDLE_FLUSH_MILLIS);
                if (first == null) {
                    commit(List.of()); // flush request counts while idle
                    if (isFailing()) {
                        probe();
                    }
                    continue;
                }
                batch.add(first);
                int items = first.weight();
                IngestRequest next;
                while (items < maxBatchItems && (next = queue.poll()) != null) {
                    batch.add(next);
                    items += next.weight();
                }
                commit(batch);
                queue.release(items);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                batch.clear();
            }
        }
        commit(List.of());
    }

    private void commit(List<IngestRequest> requests) {
        if (isFailing()) {
            // Queued before the receiver saw the failure: another attempt would wait out the pool's connection
            // timeout again and answer them late. Refuse them now; request counts wait in memory. The idle
            // probe notices the recovery.
            fail(requests, new IllegalStateException("store unavailable"));
            return;
        }
        Map<String, Long> counts = counters.drain();
        long minute = System.currentTimeMillis() / 60_000 * 60_000;
        WriteBatch batch = BatchFolder.fold(requests, counts, minute);
        if (batch.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        try {
            store.write(batch);
        } catch (RuntimeException e) {
            counters.restore(counts);
            boolean reachable = store.isReachable();
            if (reachable && requests.size() > 1) {
                // The database is up but refused the batch: one request may hold something it cannot take.
                // Commit them one by one so that a single bad request cannot fail its neighbours.
                LOG.warn("A batch of {} requests was refused by a reachable store ({}); retrying them one by one",
                        requests.size(), e.toString());
                requests.forEach(r -> commit(List.of(r)));
                return;
            }
            if (reachable) {
                // Refused, not unreachable (a lock timeout, say): only this request gets its 503; the
                // receiver keeps queueing, so the sender's retry is tried at once.
                LOG.warn("The store refused a write ({}); its requests are answered 503", e.toString());
                fail(requests, e);
                return;
            }
            if (!lastCommitFailed) {
                LOG.error("Could not commit {} requests; answering 503 until the store recovers: {}",
                        requests.size(), e.toString());
            }
            failedAt = System.nanoTime();
            lastCommitFailed = true;
            fail(requests, e);
            return;
        }
        if (lastCommitFailed) {
            LOG.info("Store writable again");
        }
        lastCommitFailed = false;
        metrics.committed(batch.events().stream().mapToInt(ev -> ev.seen()).sum(), batch.rejected().size(),
                System.nanoTime() - started);
        requests.forEach(r -> r.committed().complete(null));
        for (CommitListener listener : listeners) {
            try {
                listener.committed(batch);
            } catch (RuntimeException e) {
                LOG.warn("Commit listener failed", e);
            }
        }
    }

    private static void fail(List<IngestRequest> requests, Exception cause) {
        requests.forEach(r -> r.committed().completeExceptionally(cause));
    }

    /**
     * While failing, the receiver refuses webhooks without queueing them (a fast 503), so no commit would
     * ever tell us that the database is back: ask it directly.
     */
    private void probe() {
        if (store.isReachable()) {
            LOG.info("Store reachable again; accepting webhooks");
            lastCommitFailed = false;
        }
    }

    /** Stops taking requests, writes everything already queued, then returns. */
    @Override
    public void close() {
        queue.close();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("Writer still busy after 30 s; {} items not written", queue.queuedItems());
            return;
        }
        // A request that slipped in while the writer was finishing is refused, never left waiting.
        IngestRequest late;
        while ((late = queue.poll()) != null) {
            late.committed().completeExceptionally(new IllegalStateException("shutting down"));
        }
    }
}
