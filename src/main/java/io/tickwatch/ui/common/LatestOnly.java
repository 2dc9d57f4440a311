package io.tickwatch.ui.common;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a view's store query on a background executor and applies only the newest result on the FX
 * thread, with one {@code runLater} per result. Requests made while one runs collapse into a single
 * follow-up (the latest asked), so typing in a search field or a burst of commits never queues a backlog of queries.
 * {@link #request} and {@link #stop} are called on the FX thread.
 */
public final class LatestOnly<T> {

    private static final Logger LOG = LoggerFactory.getLogger(LatestOnly.class);

    private final Executor executor;
    private final Consumer<T> apply;
    private final Consumer<RuntimeException> failed;
    private Supplier<T> pending;
    private boolean running;
    private boolean stopped;

    public LatestOnly(Executor executor, Consumer<T> apply, Consumer<RuntimeException> failed) {
        this.executor = executor;
        this.apply = apply;
        this.failed = failed;
    }

    public void request(Supplier<T> query) {
        Fx.assertFxThread();
        if (stopped) {
            return;
        }
        if (running) {
            pending = query;
            return;
        }
        running = true;
        executor.execute(() -> {
            T result = null;
            RuntimeException error = null;
            try {
                result = query.get();
            } catch (RuntimeException e) {
                error = e;
            }
            T r = result;
            RuntimeException err = error;
            Platform.runLater(() -> done(r, err));
        });
    }

    private void done(T result, RuntimeException error) {
        running = false;
        if (stopped) {
            return;
        }
        if (error != null) {
            LOG.warn("dashboard query failed: {}", error.toString());
            failed.accept(error);
        } else {
            apply.accept(result); // shown even if a newer question waits: under constant change, never starve
        }
        Supplier<T> next = pending;
        pending = null;
        if (next != null) {
            request(next);
        }
    }

    /** True while a query runs or waits. */
    public boolean busy() {
        return running;
    }

    public void stop() {
        stopped = true;
        pending = null;
    }
}
