package io.tickwatch.ingest;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The bounded queue between the receiver and the writer, bounded by items (statuses and rejected
 * items), not by requests: a 1000-status notification takes 1000 slots. Offering never blocks; a full
 * queue is the receiver's cue to answer 503. Thread-safe.
 */
public final class IngestQueue {

    private final int capacityItems;
    private final Semaphore free;
    private final LinkedBlockingQueue<IngestRequest> requests = new LinkedBlockingQueue<>();
    private final AtomicBoolean open = new AtomicBoolean(true);

    public IngestQueue(int capacityItems) {
        this.capacityItems = capacityItems;
        this.free = new Semaphore(capacityItems);
    }

    /** @return false when there is no room for the request's items, or the queue is closed */
    public boolean offer(IngestRequest request) {
        if (!open.get() || !free.tryAcquire(request.weight())) {
            return false;
        }
        requests.add(request);
        return true;
    }

    public int queuedItems() {
        return capacityItems - free.availablePermits();
    }

    public int capacityItems() {
        return capacityItems;
    }

    IngestRequest poll(long timeoutMillis) throws InterruptedException {
        return requests.poll(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    IngestRequest poll() {
        return requests.poll();
    }

    /** Gives back the slots of requests that are written (or failed). */
    void release(int items) {
        free.release(items);
    }

    void close() {
        open.set(false);
    }

    boolean isOpen() {
        return open.get();
    }

    boolean isEmpty() {
        return requests.isEmpty();
    }
}
