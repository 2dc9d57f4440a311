package io.tickwatch.store;

import io.tickwatch.model.MessageState;
import java.util.List;
import java.util.Map;

/**
 * Everything one group commit writes in one transaction. States are already folded per message and
 * events per (message, status, time): a multi-row upsert must not touch one row twice.
 *
 * @param requestCounts requests answered since the last batch, by outcome, for the minute {@code countsMinute}
 */
public record WriteBatch(List<MessageState> states, List<EventRow> events, List<RequestRow> requests,
                         List<RejectedRow> rejected, Map<String, Long> requestCounts, long countsMinute) {

    public boolean isEmpty() {
        return states.isEmpty() && events.isEmpty() && requests.isEmpty() && rejected.isEmpty()
                && requestCounts.isEmpty();
    }
}
