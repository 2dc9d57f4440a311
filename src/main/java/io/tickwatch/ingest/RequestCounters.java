package io.tickwatch.ingest;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts every answered request by outcome (its HTTP status) between two commits, so that requests
 * refused before the store (400, 413, …) are counted too. Thread-safe: IO and worker threads add,
 * the writer drains into each batch.
 */
public final class RequestCounters {

    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();

    public void count(int httpStatus) {
        counts.computeIfAbsent(Integer.toString(httpStatus), k -> new LongAdder()).increment();
    }

    /** Takes the counts gathered so far; what is counted meanwhile goes to the next drain. */
    Map<String, Long> drain() {
        Map<String, Long> drained = new HashMap<>();
        counts.forEach((outcome, adder) -> {
            long n = adder.sumThenReset();
            if (n > 0) {
                drained.put(outcome, n);
            }
        });
        return drained;
    }

    /** Puts counts back after a failed commit, so none is lost. */
    void restore(Map<String, Long> drained) {
        drained.forEach((outcome, n) -> counts.computeIfAbsent(outcome, k -> new LongAdder()).add(n));
    }
}
