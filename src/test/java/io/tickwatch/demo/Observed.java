package io.tickwatch.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tickwatch.model.MessageState;
import io.tickwatch.store.JdbcStatusStore;
import io.tickwatch.store.StoreFactory;
import io.tickwatch.testing.MergedFields;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/** Checks on what a real receiver stored from simulated traffic. */
final class Observed {

    /** Four standard deviations: a correct simulator fails this about once in 16,000 runs (and never with its fixed seed). */
    static final double SIGMAS = 4;

    private Observed() {
    }

    /** {@code hits} of {@code trials} is a plausible outcome of a binomial with probability {@code p}. */
    static void binomial(String what, long hits, long trials, double p) {
        binomial(what, hits, trials, p, 0);
    }

    /** As {@link #binomial(String, long, long, double)}, with {@code slack} added for a known measuring error. */
    static void binomial(String what, long hits, long trials, double p, double slack) {
        assertThat(trials).as(what + ": trials").isGreaterThanOrEqualTo(100);
        double observed = (double) hits / trials;
        double bound = SIGMAS * Math.sqrt(p * (1 - p) / trials) + slack;
        assertThat(observed).as("%s: %d of %d = %.4f, configured %.4f ± %.4f", what, hits, trials, observed, p, bound)
                .isCloseTo(p, within(bound));
    }

    /** The merged fields (everything but receipt times) of these messages in the store at {@code jdbcUrl}. */
    static Map<String, MergedFields> stored(String jdbcUrl, Collection<String> ids) {
        Map<String, MergedFields> result = new TreeMap<>();
        try (JdbcStatusStore store = StoreFactory.open(jdbcUrl, 2)) {
            for (MessageState s : store.states(ids)) {
                result.put(s.id(), MergedFields.of(s));
            }
        }
        return result;
    }

    static Map<String, MergedFields> merged(Map<String, MessageState> states) {
        Map<String, MergedFields> result = new TreeMap<>();
        states.forEach((id, s) -> result.put(id, MergedFields.of(s)));
        return result;
    }
}
