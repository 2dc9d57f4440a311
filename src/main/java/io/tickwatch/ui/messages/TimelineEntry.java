package io.tickwatch.ui.messages;

import io.tickwatch.store.MessageDetail;
import io.tickwatch.model.MessageState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * One line of a message's timeline in the detail pane: a stored observation (with its repeat count
 * and request) or a mark Tickwatch inferred (delivered, when only read was seen).
 */
public record TimelineEntry(String status, long at, int seen, boolean inferred, UUID requestId) {

    /** The stored observations, oldest first, plus an inferred "delivered" where the state has one. */
    static List<TimelineEntry> of(MessageDetail d) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (MessageDetail.Observation o : d.timeline()) {
            entries.add(new TimelineEntry(o.status(), o.at(), o.seen(), false, o.requestId()));
        }
        MessageState s = d.state();
        if (s.deliveredInferred()) {
            entries.add(new TimelineEntry("delivered", s.delivered(), 0, true, null));
        }
        entries.sort(Comparator.comparingLong(TimelineEntry::at).thenComparing(e -> !e.inferred())); // inferred mark first
        return entries;
    }

    /** The words after the time: "read ×3", "delivered (inferred from read)". */
    public String describe() {
        if (inferred) {
            return status + " (inferred from read)";
        }
        return seen > 1 ? status + " ×" + seen : status;
    }
}
