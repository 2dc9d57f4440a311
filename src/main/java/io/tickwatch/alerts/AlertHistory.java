package io.tickwatch.alerts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The most recent alert transitions, in memory, bounded: the oldest go first. Not persisted: every
 * alert is a condition on stored data, so after a restart a rule that still holds fires again at the
 * first evaluation; keeping a table would also need a migration and, with several dashboards on one
 * PostgreSQL, would record each transition once per dashboard. Guarded by the monitor's evaluation lock.
 */
final class AlertHistory {

    private final int capacity;
    private final Deque<AlertEvent> events = new ArrayDeque<>();

    AlertHistory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
    }

    void add(AlertEvent e) {
        if (events.size() == capacity) {
            events.removeLast();
        }
        events.addFirst(e);
    }

    /** Newest first. */
    List<AlertEvent> newestFirst() {
        return new ArrayList<>(events);
    }
}
