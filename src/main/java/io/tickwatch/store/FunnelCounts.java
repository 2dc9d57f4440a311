package io.tickwatch.store;

/**
 * Funnel counts (FORMATS.md §3.9): sent counts messages with sent, delivered or read; delivered counts
 * delivered or read; read; failed.
 */
public record FunnelCounts(long messages, long sent, long delivered, long read, long failed) {

    public static final FunnelCounts EMPTY = new FunnelCounts(0, 0, 0, 0, 0);

    /** delivered / sent, or null while nothing was sent. */
    public Double deliveryRate() {
        return ratio(delivered, sent);
    }

    /** read / delivered, or null while nothing was delivered. */
    public Double readRate() {
        return ratio(read, delivered);
    }

    private static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
