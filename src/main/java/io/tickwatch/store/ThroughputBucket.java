package io.tickwatch.store;

/** {@code count} observations of {@code status} with a provider time in [start, start + bucket). */
public record ThroughputBucket(long start, String status, long count) {
}
