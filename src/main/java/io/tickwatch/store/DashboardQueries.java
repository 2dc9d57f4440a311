package io.tickwatch.store;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The read side of the dashboard: aggregates and pages that the generic {@link StatusStore} contract
 * does not need. Every method runs one or a few SQL statements and may block; callers run it on a
 * background thread, never on the FX thread.
 */
public interface DashboardQueries {

    /** Median, p90 and histograms of time to deliver and time to read, for messages first seen in [since, until). */
    LatencyStats latency(Long since, Long until);

    /**
     * Status observations (repeats included) per bucket of provider time in [since, until), by funnel status.
     * {@code bucketMillis} is chosen by the caller, so the number of points stays bounded. The figures come
     * from counts maintained per 10 s, minute and hour: the bucket is a multiple of 10 s, and {@code since}
     * and {@code until} are multiples of the bucket.
     */
    List<ThroughputBucket> throughput(long since, long until, long bucketMillis);

    /** Earliest provider time of any message, or empty for an empty store. */
    Optional<Long> earliestMessage();

    /** One page of messages, filtered and sorted in SQL, with the number of matching messages. */
    MessageTablePage messages(MessageFilter filter, MessageSort sort, boolean descending, int offset, int limit);

    /** A message with its timeline (request of each observation) and the raw bodies of those requests. */
    Optional<MessageDetail> detail(String id);

    /** Per-phone funnels for messages first seen in [since, until), sorted in SQL. */
    List<PhoneRow> phones(Long since, Long until, PhoneColumn sort, boolean descending, int limit);

    /**
     * As {@link #phones}, and where the store finishes the first {@code head} rows of the page well before the
     * rest (a page read from the maintained totals, whose medians are counted phone by phone), it hands
     * {@code early} the page first with those rows complete and the others without their median yet. Called
     * on the calling thread, at most once, before this returns. A store with no early page just answers.
     */
    default List<PhoneRow> phones(Long since, Long until, PhoneColumn sort, boolean descending, int limit, int head,
                                  Consumer<List<PhoneRow>> early) {
        return phones(since, until, sort, descending, limit);
    }

    /**
     * A page of every message matching the filter, in the order of {@link #messages} with the same sort,
     * starting after {@code after} (null: at the first). For exports: keyset paging, so each page costs
     * the same however far into the table it is. {@code limit} is 1..{@link MessageQuery#MAX_LIMIT}.
     */
    MessageExportPage messagesAfter(MessageFilter filter, MessageSort sort, boolean descending, MessageCursor after,
                                    int limit);

    /**
     * Every per-phone funnel for messages first seen in [since, until), sorted as {@link #phones} sorts,
     * handed to {@code each} one at a time as the database streams them (no limit, nothing held in memory).
     * An exception thrown by {@code each} stops the read and is rethrown.
     */
    void eachPhone(Long since, Long until, PhoneColumn sort, boolean descending, Consumer<PhoneRow> each);

    /** The figures the alert rules need, over the given windows (index ranges on first_at and minute_start). */
    AlertFigures alertFigures(AlertFigures.Windows windows);

    /** Rejected items, duplicates, out-of-order arrivals and signature failures since {@code since} (null: all time). */
    DataQuality dataQuality(Long since);

    /**
     * Failed messages grouped by error code and title, most frequent first, for messages first seen since
     * {@code since} (null: all time) and, when {@code phone} is not null, of that phone only.
     */
    List<FailureReason> failureReasons(Long since, String phone, int limit);
}
