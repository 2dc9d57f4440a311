package io.tickwatch.alerts;

import java.util.List;

/** Told after every evaluation, on the monitor's thread; a UI hands it over to its own thread. */
@FunctionalInterface
public interface AlertListener {

    /** @param changes the rules that fired or cleared at this evaluation, often none */
    void evaluated(AlertStatus status, List<AlertEvent> changes);
}
