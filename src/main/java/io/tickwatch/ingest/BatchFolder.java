package io.tickwatch.ingest;

import io.tickwatch.model.MessageMerge;
import io.tickwatch.model.MessageState;
import io.tickwatch.model.StatusEvent;
import io.tickwatch.store.EventRow;
import io.tickwatch.store.RejectedRow;
import io.tickwatch.store.RequestRow;
import io.tickwatch.store.WriteBatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Folds the requests of one group commit into a {@link WriteBatch}: one state per message and one
 * history row per distinct observation, so that each row is touched once by the upserts.
 */
final class BatchFolder {

    private BatchFolder() {
    }

    static WriteBatch fold(List<IngestRequest> requests, Map<String, Long> requestCounts, long countsMinute) {
        Map<String, MessageState> states = new LinkedHashMap<>();
        Map<EventKey, EventRow> events = new LinkedHashMap<>();
        List<RequestRow> requestRows = new ArrayList<>(requests.size());
        List<RejectedRow> rejected = new ArrayList<>();
        for (IngestRequest r : requests) {
            requestRows.add(new RequestRow(r.id(), r.receivedMillis(), r.source(), r.format(),
                    r.events().size(), r.rejections().size(), r.body()));
            for (StatusEvent e : r.events()) {
                states.merge(e.messageId(), MessageMerge.of(e), MessageMerge::merge);
                EventRow row = new EventRow(e.messageId(), e.status(), e.atMillis(), e.receivedMillis(), 1, r.id());
                events.merge(new EventKey(e.messageId(), e.status(), e.atMillis()), row, BatchFolder::repeat);
            }
            for (Rejection x : r.rejections()) {
                rejected.add(new RejectedRow(r.id(), x.index(), x.path(), x.reason(), x.rawJson(), r.receivedMillis()));
            }
        }
        return new WriteBatch(List.copyOf(states.values()), List.copyOf(events.values()), requestRows, rejected,
                requestCounts, countsMinute);
    }

    /** The same observation twice: count it, keep the first receipt and its request. */
    private static EventRow repeat(EventRow a, EventRow b) {
        EventRow first = b.receivedAt() < a.receivedAt() ? b : a;
        return new EventRow(a.messageId(), a.status(), a.observedAt(), first.receivedAt(), a.seen() + b.seen(),
                first.requestId());
    }

    private record EventKey(String messageId, String status, long observedAt) {
        EventKey {
            Objects.requireNonNull(messageId);
        }
    }
}
