package io.tickwatch.demo;

import java.util.concurrent.atomic.LongAdder;

/** The live counts behind {@link DemoStats}, written by the scheduler and HTTP threads. Thread-safe. */
final class DemoCounters {

    final LongAdder messages = new LongAdder();
    final LongAdder requests = new LongAdder();
    final LongAdder acknowledged = new LongAdder();
    final LongAdder statusesAcknowledged = new LongAdder();
    final LongAdder retried = new LongAdder();
    final LongAdder refused = new LongAdder();
    final LongAdder abandoned = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder outOfOrder = new LongAdder();
    volatile String lastProblem;

    DemoStats snapshot(boolean running, double messagesPerSecond) {
        return new DemoStats(running, messagesPerSecond, messages.sum(), requests.sum(), acknowledged.sum(),
                statusesAcknowledged.sum(), retried.sum(), refused.sum(), abandoned.sum(), duplicates.sum(),
                outOfOrder.sum(), lastProblem);
    }
}
