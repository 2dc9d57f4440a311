package io.tickwatch.live;

import java.time.Duration;

/** The time ranges the dashboard offers, counted back from now over each message's earliest provider time. */
public enum TimeRange {
    LAST_15_MINUTES("15 min", Duration.ofMinutes(15)),
    LAST_HOUR("1 h", Duration.ofHours(1)),
    LAST_24_HOURS("24 h", Duration.ofHours(24)),
    LAST_7_DAYS("7 d", Duration.ofDays(7)),
    ALL("all", null);

    private final String label;
    private final Duration length;

    TimeRange(String label, Duration length) {
        this.label = label;
        this.length = length;
    }

    public String label() {
        return label;
    }

    /** Start of the range at {@code nowMillis}, or null for {@link #ALL}. */
    public Long since(long nowMillis) {
        return length == null ? null : nowMillis - length.toMillis();
    }
}
