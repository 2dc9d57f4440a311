package io.tickwatch.testing;

import io.tickwatch.model.MessageMerge;
import io.tickwatch.model.StatusEvent;
import io.tickwatch.store.EventRow;
import io.tickwatch.store.WriteBatch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds a {@link WriteBatch} the way the group-commit writer does: one state per message, one row per observation. */
public final class TestBatches {

    private TestBatches() {
    }

    public static WriteBatch of(List<StatusEvent> events) {
        UUID request = UUID.randomUUID();
        Map<List<Object>, EventRow> rows = new LinkedHashMap<>();
        for (StatusEvent e : events) {
            EventRow row = new EventRow(e.messageId(), e.status(), e.atMillis(), e.receivedMillis(), 1, request);
            rows.merge(List.of(e.messageId(), e.status(), e.atMillis()), row, (a, b) -> new EventRow(a.messageId(),
                    a.status(), a.observedAt(), Math.min(a.receivedAt(), b.receivedAt()), a.seen() + b.seen(), request));
        }
        return new WriteBatch(List.copyOf(MessageMerge.fold(events).values()), List.copyOf(rows.values()), List.of(),
                List.of(), Map.of(), 0);
    }
}
