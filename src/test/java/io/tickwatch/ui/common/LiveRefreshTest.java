package io.tickwatch.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Screens re-read the store while shown, spaced out and one read at a time; hidden ones once when shown again. */
class LiveRefreshTest {

    private final AtomicLong now = new AtomicLong(10_000);
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicInteger reads = new AtomicInteger();
    private final LiveRefresh live = new LiveRefresh(now::get, 1_000, busy::get, reads::incrementAndGet);

    @Test
    void aShownScreenReadsAtMostOncePerGapAndNotWhileBusy() {
        live.storeChanged();
        live.storeChanged();
        assertThat(reads).hasValue(1);
        now.addAndGet(1_000);
        busy.set(true);
        live.storeChanged();
        assertThat(reads).as("previous read still running").hasValue(1);
        busy.set(false);
        live.storeChanged();
        assertThat(reads).hasValue(2);
    }

    @Test
    void aHiddenScreenReadsOnceWhenShownAgainAndOnlyIfSomethingChanged() {
        live.shown(false);
        for (int i = 0; i < 5; i++) {
            now.addAndGet(5_000);
            live.storeChanged();
        }
        assertThat(reads).as("hidden").hasValue(0);
        live.shown(true);
        assertThat(reads).as("shown after changes").hasValue(1);
        live.shown(false);
        live.shown(true);
        assertThat(reads).as("shown again without changes").hasValue(1);
    }
}
