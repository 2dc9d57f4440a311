package io.tickwatch.store;

import java.util.UUID;

/** An item that failed validation, kept with its reason and raw JSON. */
public record RejectedRow(UUID requestId, int index, String path, String reason, String rawJson, long receivedAt) {
}
