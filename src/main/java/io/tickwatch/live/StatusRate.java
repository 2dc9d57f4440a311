package io.tickwatch.live;

import io.tickwatch.store.CommitListener;
import io.tickwatch.store.EventRow;
import io.tickwatch.store.WriteBatch;
import java.util.function.LongSupplier;

/**
 * Statuses committed per second of server receipt time, kept incrementally from commits in a ring of
 * the last {@value #SECONDS} seconds. {@link #committed} runs on the writer thread and holds the lock
 * for one pass over the batch; readers take a rate under the same lock. No query, no allocation per event.
 */
public final class StatusRate implements CommitListener {

    static final int SECONDS = 64;
    /** The rate is averaged over this many complete seconds, so one burst does not make the tile jump. */
    static final int WINDOW = 5;

    private final LongSupplier clock;
    private final long[] counts = new long[SECONDS];
    private final long[] stamps = new long[SECONDS];
    private long total;
    private long commits;

    public StatusRate(LongSupplier clockMillis) {
        this.clock = clockMillis;
    }

    @Override
    public synchronized void committed(WriteBatch batch) {
        for (EventRow e : batch.events()) {
            long second = Math.floorDiv(e.receivedAt(), 1000);
            int slot = (int) Math.floorMod(second, SECONDS);
            if (stamps[slot] != second) {
                stamps[slot] = second;
                counts[slot] = 0;
            }
            counts[slot] += e.seen();
            total += e.seen();
        }
        if (!batch.isEmpty()) {
            commits++;
        }
    }

    /** Mean statuses per second over the last {@value #WINDOW} complete seconds. */
    public synchronized double perSecond() {
        long now = Math.floorDiv(clock.getAsLong(), 1000);
        long sum = 0;
        for (long s = now - WINDOW; s < now; s++) {
            int slot = (int) Math.floorMod(s, SECONDS);
            if (stamps[slot] == s) {
                sum += counts[slot];
            }
        }
        return sum / (double) WINDOW;
    }

    /** Statuses committed since start, repeats included. */
    public synchronized long total() {
        return total;
    }

    /** Grows with every non-empty commit: a cheap "something changed" signal. */
    public synchronized long commits() {
        return commits;
    }
}
