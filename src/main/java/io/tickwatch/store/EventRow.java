package io.tickwatch.store;

import java.util.UUID;

/** One distinct observation for the history, already folded within its batch ({@code seen} repeats). */
public record EventRow(String messageId, String status, long observedAt, long receivedAt, int seen, UUID requestId) {
}
