package io.tickwatch.store;

/**
 * The store figures the alert rules compare with their thresholds: funnel counts (FORMATS.md §3.9) from
 * the per-minute funnel the store maintains, the hour's delivery times and the undelivered messages from
 * index ranges on {@code messages.first_at}, refusals from the per-minute request counts.
 *
 * @param recentSent            messages first seen since {@link Windows#recentSince()} that were sent (sent, delivered or read)
 * @param recentDelivered       of those, messages delivered (delivered or read)
 * @param recentTimed           of those, messages with both a sent and a delivered time
 * @param recentDeliveryMillis  sum of delivered − sent over {@code recentTimed}
 * @param dayDelivered          messages first seen since {@link Windows#readSince()} that were delivered
 * @param dayRead               of those, messages read
 * @param undelivered           messages first seen since {@link Windows#undeliveredSince()}, sent before
 *                              {@link Windows#undeliveredBefore()} and neither delivered, read nor failed yet
 * @param refusedRequests       webhook requests answered with anything but 200 in the minutes starting at or
 *                              after {@link Windows#refusedSince()}
 */
public record AlertFigures(long recentSent, long recentDelivered, long recentTimed, long recentDeliveryMillis,
                           long dayDelivered, long dayRead, long undelivered, long refusedRequests) {

    /** The time windows to count over, as epoch milliseconds (the rules choose them; the store only counts). */
    public record Windows(long recentSince, long readSince, long undeliveredSince, long undeliveredBefore,
                          long refusedSince) {
    }
}
