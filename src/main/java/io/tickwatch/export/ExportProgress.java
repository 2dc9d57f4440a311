package io.tickwatch.export;

import java.io.InterruptedIOException;

/**
 * Told how many rows an export has written so far; throws to cancel it (the export then stops and
 * leaves no file). Cancelling this way, not by interrupting the thread, keeps interrupts away from the
 * database driver (an interrupt during H2's file IO closes the store's file channel).
 */
@FunctionalInterface
public interface ExportProgress {

    ExportProgress NONE = rows -> { };

    void written(long rows) throws InterruptedIOException;
}
