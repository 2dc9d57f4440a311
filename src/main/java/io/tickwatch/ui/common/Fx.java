package io.tickwatch.ui.common;

import javafx.application.Platform;

/** Guards for code that must run on the FX thread. */
public final class Fx {

    private Fx() {
    }

    public static void assertFxThread() {
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("must run on the FX thread, not " + Thread.currentThread().getName());
        }
    }
}
