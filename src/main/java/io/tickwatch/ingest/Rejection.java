package io.tickwatch.ingest;

/**
 * An item that failed validation: reported to the sender under {@code rejected} and kept in the store
 * for the inspector.
 *
 * @param rawJson the item as it came in (re-serialised), for the inspector
 */
public record Rejection(int index, String path, String reason, String rawJson) {
}
