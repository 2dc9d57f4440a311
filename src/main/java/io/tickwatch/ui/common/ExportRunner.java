package io.tickwatch.ui.common;

import io.tickwatch.concurrent.ThreadPolicy;
import io.tickwatch.export.ExportProgress;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Runs one screen's CSV export on a thread of its own ("tickwatch-export"), so a long export neither blocks
 * the FX thread nor takes a query thread from the tables, and tells the screen how it goes: progress
 * (coalesced: at most one {@code runLater} waiting at a time), then the file written or why it could not
 * be. One export at a time per screen. {@link #start} and {@link #close} run on the FX thread.
 */
public final class ExportRunner {

    /** The export itself: writes the file, reports rows written so far (which throws once cancelled), returns rows written. Blocks. */
    @FunctionalInterface
    public interface Job {
        long run(ExportProgress progress) throws IOException;
    }

    private final String noun;
    private final StringProperty message = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final BooleanProperty failed = new SimpleBooleanProperty(false);
    private final AtomicLong written = new AtomicLong();
    private final AtomicBoolean progressPosted = new AtomicBoolean();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private boolean closed;
    private final ThreadPolicy threads;

    /**
     * @param noun what one row is, plural ("messages", "phones")
     * @param threads the export thread's priority: a million-row export must not take the FX thread's CPU
     */
    public ExportRunner(String noun, ThreadPolicy threads) {
        this.noun = noun;
        this.threads = threads;
    }

    /** Starts the export unless one runs; the future completes on the FX thread after the message is shown. */
    public CompletableFuture<Long> start(Path target, Job job) {
        Fx.assertFxThread();
        CompletableFuture<Long> done = new CompletableFuture<>();
        if (running.get() || closed) {
            done.completeExceptionally(new IllegalStateException("an export is already running"));
            return done;
        }
        running.set(true);
        failed.set(false);
        written.set(0);
        message.set("Exporting " + noun + " to " + target.getFileName() + "…");
        // a daemon: an export never holds the JVM open; the file is only moved into place when complete
        Thread t = threads.newThread(() -> {
            long rows = 0;
            Exception error = null;
            try {
                rows = job.run(this::progress);
            } catch (IOException | RuntimeException e) {
                error = e;
            }
            long r = rows;
            Exception err = error;
            Platform.runLater(() -> finished(target, r, err, done));
        }, "tickwatch-export");
        t.start();
        return done;
    }

    private void progress(long rows) throws InterruptedIOException {
        if (cancelled.get()) {
            throw new InterruptedIOException("the export was cancelled");
        }
        written.set(rows);
        if (progressPosted.compareAndSet(false, true)) {
            Platform.runLater(() -> {
                progressPosted.set(false);
                if (running.get() && !closed) {
                    message.set("Exporting " + noun + "… " + Format.count(written.get()) + " written");
                }
            });
        }
    }

    private void finished(Path target, long rows, Exception error, CompletableFuture<Long> done) {
        running.set(false);
        if (!closed) {
            if (error == null) {
                message.set("Exported " + Format.count(rows) + " " + noun + " to " + target.toAbsolutePath());
            } else {
                failed.set(true);
                message.set(describe(error));
            }
        }
        if (error == null) {
            done.complete(rows);
        } else {
            done.completeExceptionally(error);
        }
    }

    private static String describe(Exception e) {
        if (e instanceof InterruptedIOException) {
            return "Export cancelled; no file was written.";
        }
        if (e instanceof IOException) {
            return "Export failed. " + e.getMessage();
        }
        return "Export failed: " + e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")");
    }

    /** Cancels a running export at its next page (its partial file is removed) and forgets the screen. */
    public void close() {
        closed = true;
        cancelled.set(true);
    }

    public ReadOnlyStringProperty messageProperty() { return message; }
    public ReadOnlyBooleanProperty runningProperty() { return running; }
    public ReadOnlyBooleanProperty failedProperty() { return failed; }
}
