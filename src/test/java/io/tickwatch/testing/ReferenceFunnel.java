package io.tickwatch.testing;

import io.tickwatch.model.MessageState;
import io.tickwatch.store.FunnelCounts;
import java.util.Collection;

/** The funnel of FORMATS.md §3.9, counted in Java from reference states. */
public final class ReferenceFunnel {

    private ReferenceFunnel() {
    }

    public static FunnelCounts count(Collection<MessageState> states) {
        long sent = 0;
        long delivered = 0;
        long read = 0;
        long failed = 0;
        for (MessageState s : states) {
            sent += s.sent() != null || s.delivered() != null ? 1 : 0;
            delivered += s.delivered() != null ? 1 : 0;
            read += s.read() != null ? 1 : 0;
            failed += s.failed() != null ? 1 : 0;
        }
        return new FunnelCounts(states.size(), sent, delivered, read, failed);
    }
}
