package io.tickwatch.store;

import java.util.Locale;
import java.util.Optional;

/** Orders of the per-phone table; each is a fixed SQL fragment, never user text. */
public enum PhoneSort {
    MESSAGES("messages DESC, phone"),
    READ_RATE("CASE WHEN delivered = 0 THEN -1.0 ELSE CAST(read_count AS DOUBLE PRECISION) / delivered END DESC, messages DESC, phone"),
    FAILED("failed DESC, messages DESC, phone"),
    LAST_ACTIVITY("last_activity DESC, phone"),
    PHONE("phone");

    final String orderBy;

    PhoneSort(String orderBy) {
        this.orderBy = orderBy;
    }

    /** Parses the API's names: messages, readRate, failed, lastActivity, phone. */
    public static Optional<PhoneSort> parse(String name) {
        String key = name.replace("_", "").toLowerCase(Locale.ROOT);
        for (PhoneSort s : values()) {
            if (s.name().replace("_", "").toLowerCase(Locale.ROOT).equals(key)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
