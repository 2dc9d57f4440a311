package io.tickwatch.model;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The merge rules of FORMATS.md §3 as a pure function. {@link #merge} is commutative, associative
 * and idempotent, so any permutation or duplication of the same observations folds to the same
 * state. Every choice that looks like "first" is made by provider time with a total tie-break,
 * never by arrival order. The SQL upserts in {@code io.tickwatch.store} implement the same rules;
 * the store tests hold them to this class.
 */
public final class MessageMerge {

    private MessageMerge() {
    }

    /** The state a single observation implies. */
    public static MessageState of(StatusEvent e) {
        FunnelStatus funnel = e.funnelStatus().orElse(null);
        long at = e.atMillis();
        Long sent = funnel == FunnelStatus.SENT ? at : null;
        Long read = funnel == FunnelStatus.READ ? at : null;
        boolean realDelivered = funnel == FunnelStatus.DELIVERED;
        Long delivered = realDelivered || read != null ? at : null;
        Long failed = funnel == FunnelStatus.FAILED ? at : null;
        boolean carriesError = failed != null && e.hasError();
        return new MessageState(e.messageId(),
                e.phone(), e.phone() == null ? null : at,
                sent, delivered, realDelivered, read, failed,
                carriesError ? e.errorCode() : null, carriesError ? e.errorTitle() : null,
                carriesError ? at : null,
                funnel == null ? 0 : funnel.rank(), at, e.receivedMillis(), e.receivedMillis());
    }

    /** Combines two states of the same message. */
    public static MessageState merge(MessageState a, MessageState b) {
        if (!a.id().equals(b.id())) {
            throw new IllegalArgumentException("cannot merge states of different messages");
        }
        boolean bPhone = phoneWins(b, a);
        boolean bError = errorWins(b, a);
        return new MessageState(a.id(),
                bPhone ? b.phone() : a.phone(), bPhone ? b.phoneAt() : a.phoneAt(),
                min(a.sent(), b.sent()), min(a.delivered(), b.delivered()),
                a.deliveredReal() || b.deliveredReal(), min(a.read(), b.read()), min(a.failed(), b.failed()),
                bError ? b.errorCode() : a.errorCode(), bError ? b.errorTitle() : a.errorTitle(),
                bError ? b.errorAt() : a.errorAt(),
                Math.max(a.statusRank(), b.statusRank()), Math.min(a.firstAt(), b.firstAt()),
                Math.min(a.firstReceived(), b.firstReceived()), Math.max(a.lastReceived(), b.lastReceived()));
    }

    /** Folds observations into one state per message id, in first-seen order of the ids. */
    public static Map<String, MessageState> fold(Collection<StatusEvent> events) {
        Map<String, MessageState> states = new LinkedHashMap<>();
        for (StatusEvent e : events) {
            states.merge(e.messageId(), of(e), MessageMerge::merge);
        }
        return states;
    }

    private static boolean phoneWins(MessageState challenger, MessageState holder) {
        if (challenger.phone() == null) {
            return false;
        }
        if (holder.phone() == null) {
            return true;
        }
        int byTime = Long.compare(challenger.phoneAt(), holder.phoneAt());
        return byTime < 0 || (byTime == 0 && challenger.phone().compareTo(holder.phone()) < 0);
    }

    /**
     * Ties between two errors observed at the same instant: smaller code, then smaller title, a missing
     * value after any present one. A total order: a stand-in value for "missing" (a code of 2147483647,
     * an empty title) would tie with a real one and let arrival order decide.
     */
    private static final Comparator<MessageState> ERROR_ORDER = Comparator
            .comparing(MessageState::errorAt)
            .thenComparing(MessageState::errorCode, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(MessageState::errorTitle, Comparator.nullsLast(Comparator.naturalOrder()));

    private static boolean errorWins(MessageState challenger, MessageState holder) {
        if (challenger.errorAt() == null) {
            return false;
        }
        return holder.errorAt() == null || ERROR_ORDER.compare(challenger, holder) < 0;
    }

    private static Long min(Long x, Long y) {
        if (x == null) {
            return y;
        }
        return y == null ? x : Math.min(x, y);
    }
}
