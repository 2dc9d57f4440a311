package io.tickwatch.demo;

/**
 * The time the simulator and the replayer live in. {@link #wall()} is real time: the demo and replays run
 * with it. {@link #virtual} jumps straight to every deadline, so a test simulates hours of traffic in the time
 * the server takes to answer, with provider times that are still consistent. Used by one thread at a time.
 */
public interface SimulationClock {

    /** Current simulated time, epoch milliseconds. */
    long now();

    /** Returns once the simulated time has reached {@code at}; throws when the waiting thread is interrupted (stop). */
    void awaitUntil(long at) throws InterruptedException;

    /** Whether {@link #now()} can fall far behind a deadline (real time, when the server holds the simulator back). */
    default boolean canLag() {
        return true;
    }

    static SimulationClock wall() {
        return new SimulationClock() {
            @Override
            public long now() {
                return System.currentTimeMillis();
            }

            @Override
            public void awaitUntil(long at) throws InterruptedException {
                long wait;
                while ((wait = at - System.currentTimeMillis()) > 0) {
                    Thread.sleep(Math.min(wait, 1_000)); // re-read the clock now and then: it may be set while we sleep
                }
                if (Thread.interrupted()) {
                    throw new InterruptedException();
                }
            }
        };
    }

    /** A clock that starts at {@code startMillis} and moves only when someone waits. */
    static Virtual virtual(long startMillis) {
        return new Virtual(startMillis);
    }

    /** See {@link #virtual}. */
    final class Virtual implements SimulationClock {
        private volatile long now;

        private Virtual(long startMillis) {
            this.now = startMillis;
        }

        @Override
        public long now() {
            return now;
        }

        @Override
        public void awaitUntil(long at) throws InterruptedException {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            now = Math.max(now, at);
        }

        @Override
        public boolean canLag() {
            return false;
        }
    }
}
