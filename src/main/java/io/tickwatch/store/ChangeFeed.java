package io.tickwatch.store;

import java.util.Set;

/**
 * Message ids committed by any process writing to the same database, for live views. On PostgreSQL the
 * writers NOTIFY inside their transaction (delivered only if it commits) and a feed LISTENs on its own
 * connection; on H2, which one process owns, there is no one else to hear from ({@link #NONE}).
 * Notifications can be lost (the listening connection drops, a listener falls behind), so a live view
 * must also reconcile from the store now and then; {@link Listener#missedSome()} says when it is urgent.
 */
public interface ChangeFeed extends AutoCloseable {

    /** Called on the feed's own thread; keep it short. */
    interface Listener {
        /** These messages changed in a transaction that has committed. */
        void changed(Set<String> messageIds);

        /** The feed was (re)connected: notifications sent meanwhile are gone, recount from the store. */
        void missedSome();
    }

    void start(Listener listener);

    /** True while the feed is connected and listening. */
    boolean isListening();

    @Override
    void close();

    /** For stores no other process writes to. */
    ChangeFeed NONE = new ChangeFeed() {
        @Override
        public void start(Listener listener) {
            // nothing to hear: in-process commits reach live views through CommitListener
        }

        @Override
        public boolean isListening() {
            return false;
        }

        @Override
        public void close() {
            // nothing to close
        }
    };
}
