package io.tickwatch.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The statuses that move a message through the funnel, with their rank for "most advanced".
 * Any other provider status (played, deleted, warning, enqueued, …) is kept in the history only.
 */
public enum FunnelStatus {
    SENT(1), FAILED(2), DELIVERED(3), READ(4);

    private final int rank;

    FunnelStatus(int rank) {
        this.rank = rank;
    }

    /** Read > delivered > failed > sent (FORMATS.md §3.8); 0 means "no funnel status yet". */
    public int rank() {
        return rank;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status of the given rank, empty for rank 0 (only non-funnel statuses seen). */
    public static Optional<FunnelStatus> ofRank(int rank) {
        for (FunnelStatus s : values()) {
            if (s.rank == rank) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** @param normalized a status already trimmed and lower-cased */
    public static Optional<FunnelStatus> of(String normalized) {
        switch (normalized) {
            case "sent": return Optional.of(SENT);
            case "delivered": return Optional.of(DELIVERED);
            case "read": return Optional.of(READ);
            case "failed": return Optional.of(FAILED);
            default: return Optional.empty();
        }
    }
}
