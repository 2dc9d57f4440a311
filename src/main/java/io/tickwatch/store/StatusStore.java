package io.tickwatch.store;

import io.tickwatch.model.MessageState;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The one store contract, for H2 and PostgreSQL alike. {@link #write} is called by the group-commit
 * writer; the queries by the API and the live model, never from the FX thread or an IO thread.
 */
public interface StatusStore extends AutoCloseable {

    /** Writes the whole batch in one transaction, merging states as FORMATS.md §3 says. */
    void write(WriteBatch batch);

    Optional<MessageView> message(String id);

    MessagePage messages(MessageQuery query);

    /** The current states of these messages (unknown ids are left out), in no particular order. */
    default List<MessageState> states(Collection<String> ids) {
        return ids.stream().map(this::message).flatMap(Optional::stream).map(MessageView::state).toList();
    }

    FunnelCounts funnel(FunnelQuery query);

    List<PhoneFunnel> phones(int limit, PhoneSort sort);

    /** True when the database answers within about a second. */
    boolean isReachable();

    /**
     * Whether the database answered a reachability check or committed a write after {@code nanoTime} (a
     * {@link System#nanoTime()} value): lets a writer that saw a failure know that someone has heard from the
     * database since. A store that cannot tell says yes, so nobody refuses work on its account.
     */
    default boolean answeredSince(long nanoTime) {
        return true;
    }

    /** A short description for people, with any password left out, e.g. "H2 file ~/.tickwatch/tickwatch". */
    String describe();

    @Override
    void close();
}
