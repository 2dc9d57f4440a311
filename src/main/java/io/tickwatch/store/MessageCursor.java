package io.tickwatch.store;

/**
 * Where a keyset-paged read of the messages table stopped: the sort column's value and the arrival
 * number of the last row handed out. Opaque to callers, who only pass it back for the next page.
 */
public final class MessageCursor {

    final Object sortValue;
    final long seq;

    MessageCursor(Object sortValue, long seq) {
        this.sortValue = sortValue;
        this.seq = seq;
    }
}
