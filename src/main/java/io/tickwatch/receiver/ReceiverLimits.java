package io.tickwatch.receiver;

/** Size limits of the webhook endpoint. */
public record ReceiverLimits(long maxBodyBytes, int maxItemsPerRequest) {
}
