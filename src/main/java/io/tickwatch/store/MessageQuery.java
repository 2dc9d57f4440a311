package io.tickwatch.store;

import io.tickwatch.model.FunnelStatus;

/**
 * A page of the messages list, newest first.
 *
 * @param text     substring of the id or the phone, or null
 * @param phone    exact normalised phone, or null
 * @param status   current status, or null for any
 * @param since    earliest provider time of the message ≥ since (inclusive), or null
 * @param until    earliest provider time of the message &lt; until (exclusive), or null
 * @param limit    page size, 1..{@link #MAX_LIMIT}
 * @param afterSeq the cursor: only messages older than this arrival number, or null for the first page
 */
public record MessageQuery(String text, String phone, FunnelStatus status, Long since, Long until,
                           int limit, Long afterSeq) {

    public static final int MAX_LIMIT = 1000;
    public static final int DEFAULT_LIMIT = 50;

    public MessageQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
    }
}
