package io.tickwatch.receiver;

/**
 * Limits of the webhook endpoint.
 *
 * @param clientTimeoutMillis how long a sender may take to send its headers, and then its body
 */
public record ReceiverLimits(long maxBodyBytes, int maxItemsPerRequest, int clientTimeoutMillis) {
}
