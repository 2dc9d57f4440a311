package io.tickwatch.model;

import java.util.Optional;

/**
 * The merged state of one message: what every observation of it so far adds up to. All times are
 * UTC epoch milliseconds; null means "never observed". Built and combined only by
 * {@link MessageMerge}, so every instance obeys the merge rules of FORMATS.md §3.
 *
 * @param phone           the phone of the earliest observation that carried one ({@code phoneAt})
 * @param delivered       earliest of all delivered and read observations (read implies delivered)
 * @param deliveredReal   whether a real "delivered" observation exists; if not, delivered is inferred
 * @param errorAt         time of the earliest failed observation that carried an error
 * @param statusRank      the most advanced funnel status seen ({@link FunnelStatus#rank()}), 0 if none
 * @param firstAt         earliest provider time of any observation, funnel or not
 * @param firstReceived   earliest server receipt time
 * @param lastReceived    latest server receipt time
 */
public record MessageState(String id, String phone, Long phoneAt,
                           Long sent, Long delivered, boolean deliveredReal, Long read, Long failed,
                           Integer errorCode, String errorTitle, Long errorAt,
                           int statusRank, long firstAt, long firstReceived, long lastReceived) {

    public boolean deliveredInferred() {
        return delivered != null && !deliveredReal;
    }

    public Optional<FunnelStatus> currentStatus() {
        return FunnelStatus.ofRank(statusRank);
    }
}
