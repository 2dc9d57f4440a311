package io.tickwatch.alerts;

import io.tickwatch.config.AlertThresholds;
import java.util.List;

/**
 * What the monitor knows after an evaluation: every rule's reading, the thresholds used, whether the
 * store answered, and the history (newest first). Immutable; safe to hand to any thread.
 *
 * @param evaluatedAt    when the last successful evaluation ran, 0 before the first
 * @param storeReachable false when the last evaluation could not read the store (readings are then the last ones read)
 */
public record AlertStatus(long evaluatedAt, AlertThresholds thresholds, List<RuleReading> readings,
                          boolean storeReachable, List<AlertEvent> history) {

    public AlertStatus {
        readings = List.copyOf(readings);
        history = List.copyOf(history);
    }

    /** The rules firing now. */
    public List<RuleReading> active() {
        return readings.stream().filter(RuleReading::firing).toList();
    }

    public RuleReading reading(AlertRule rule) {
        return readings.stream().filter(r -> r.rule() == rule).findFirst().orElseThrow();
    }
}
