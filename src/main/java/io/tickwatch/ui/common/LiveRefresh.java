package io.tickwatch.ui.common;

import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * When a screen re-reads the store while data arrives: at most once per {@code minGapMillis}, never while
 * its previous read is still running, and only while the screen is shown. A hidden screen just remembers
 * that it is stale and reads once when shown again: at a million messages the phones table is a
 * GROUP BY over every message, which nobody should pay for every two seconds behind another tab.
 * FX thread only.
 */
public final class LiveRefresh {

    private final LongSupplier clock;
    private final long minGapMillis;
    private final BooleanSupplier busy;
    private final Runnable reload;
    private boolean shown = true;
    private boolean stale;
    private long last;

    public LiveRefresh(LongSupplier clock, long minGapMillis, BooleanSupplier busy, Runnable reload) {
        this.clock = clock;
        this.minGapMillis = minGapMillis;
        this.busy = busy;
        this.reload = reload;
    }

    /** New data arrived in the store. */
    public void storeChanged() {
        if (!shown) {
            stale = true;
            return;
        }
        long now = clock.getAsLong();
        if (now - last >= minGapMillis && !busy.getAsBoolean()) {
            last = now;
            reload.run();
        }
    }

    /** The screen was shown or hidden; shown again after changes, it reads the store once now. */
    public void shown(boolean isShown) {
        shown = isShown;
        if (isShown && stale) {
            stale = false;
            last = clock.getAsLong();
            reload.run();
        }
    }
}
