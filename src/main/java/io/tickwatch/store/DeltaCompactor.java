package io.tickwatch.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL: runs {@link DeltaCompaction} every few seconds while this process writes, on a thread of its
 * own and in a transaction of its own. In the writer's commit, the fold of two seconds of deltas (a row per
 * phone and minute per statement: tens of thousands at 18,000 statuses/s) made one commit in every two
 * seconds take 50-200 ms, and every request that arrived meanwhile waited for it: the acknowledgement p99 at
 * half load was 111-137 ms, with the commits' own p99 at 20-50 ms (ingest benchmark, 100 statuses/request).
 * Folding beside the writers is safe: the triggers only append deltas, the fold deletes the ones it read,
 * and readers add up both tables.
 */
final class DeltaCompactor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeltaCompactor.class);

    private final DataSource dataSource;
    private final long everyNanos;
    private final AtomicBoolean folding = new AtomicBoolean();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tickwatch-compactor");
        t.setDaemon(true);
        return t;
    });
    private volatile long last = System.nanoTime();

    DeltaCompactor(DataSource dataSource, long everyMillis) {
        this.dataSource = dataSource;
        this.everyNanos = TimeUnit.MILLISECONDS.toNanos(everyMillis);
    }

    /** A writer committed: starts a fold if one is due and none runs. Never waits. */
    void committed() {
        long now = System.nanoTime();
        if (now - last < everyNanos || !folding.compareAndSet(false, true)) {
            return;
        }
        last = now;
        try {
            thread.execute(this::foldOnce);
        } catch (RejectedExecutionException closing) {
            folding.set(false);
        }
    }

    private void foldOnce() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                DeltaCompaction.compact(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            // nothing is lost: the deltas stay, readers add them up, the next fold takes them
            LOG.warn("could not fold the pending funnel and phone deltas: {}", e.toString());
        } finally {
            folding.set(false);
        }
    }

    /** Lets a running fold finish (it is one statement), then stops the thread. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
