package io.tickwatch.receiver;

import io.tickwatch.concurrent.ThreadPolicy;
import io.undertow.Undertow;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.xnio.OptionMap;
import org.xnio.Options;
import org.xnio.Xnio;
import org.xnio.XnioWorker;

/**
 * The receiver's XNIO worker (IO threads and the worker pool that parses and validates bodies), built here
 * rather than inside Undertow only so that its threads are created in a thread group capped at the
 * {@link ThreadPolicy}'s priority: XNIO has no priority option of its own. The sizes and options are
 * Undertow's defaults for the IO-thread count we choose.
 */
final class ReceiverWorker {

    private ReceiverWorker() {
    }

    static XnioWorker start(ThreadPolicy threads) {
        int ioThreads = Math.max(2, Runtime.getRuntime().availableProcessors());
        try {
            return Xnio.getInstance(Undertow.class.getClassLoader()).createWorker(
                    threads.group("tickwatch-receiver"), OptionMap.builder()
                            .set(Options.WORKER_NAME, "tickwatch-receiver")
                            .set(Options.WORKER_IO_THREADS, ioThreads)
                            .set(Options.CONNECTION_HIGH_WATER, 1_000_000)
                            .set(Options.CONNECTION_LOW_WATER, 1_000_000)
                            .set(Options.WORKER_TASK_CORE_THREADS, ioThreads * 8)
                            .set(Options.WORKER_TASK_MAX_THREADS, ioThreads * 8)
                            .set(Options.TCP_NODELAY, true)
                            .set(Options.CORK, true)
                            .getMap());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the receiver's IO threads", e);
        }
    }

    /** After Undertow stopped listening: Undertow leaves a worker it did not create running. */
    static void stop(XnioWorker worker) {
        worker.shutdown();
        try {
            worker.awaitTermination();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
