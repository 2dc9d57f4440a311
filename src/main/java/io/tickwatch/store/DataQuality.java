package io.tickwatch.store;

/**
 * How clean the incoming data is, over one time range.
 *
 * @param rejectedItems       status items refused by validation (kept with their reason), by receipt time
 * @param duplicatesAbsorbed  exact repeats of an observation already stored (same message, status and provider
 *                            time): the sum of {@code seen − 1}, for messages first seen in the range
 * @param outOfOrder          observations that arrived after another observation of the same message whose
 *                            provider time is later (e.g. a delivered received after the read), for messages first
 *                            seen in the range; observations received in the same millisecond or with equal provider
 *                            times are not ordered, so they never count
 * @param signatureFailures   webhook requests refused 401: signature (or token) missing or wrong, by receipt minute
 */
public record DataQuality(long rejectedItems, long duplicatesAbsorbed, long outOfOrder, long signatureFailures) {
}
