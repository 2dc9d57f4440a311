package io.tickwatch.store;

import java.util.UUID;

/** A webhook request as the store keeps it: raw body and what became of its items. */
public record RequestRow(UUID id, long receivedAt, String source, String format,
                         int accepted, int rejected, String body) {
}
