package io.tickwatch.store;

import io.tickwatch.model.MessageState;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the detail pane shows about one message: its state, each distinct observation oldest
 * first with the request that first brought it, and the raw bodies of those requests.
 */
public record MessageDetail(MessageState state, List<Observation> timeline, Map<UUID, String> requestBodies) {

    public MessageDetail {
        timeline = List.copyOf(timeline);
        requestBodies = Map.copyOf(requestBodies);
    }

    /** One row of status_events. */
    public record Observation(String status, long at, long receivedAt, int seen, UUID requestId) {
    }
}
