package io.tickwatch.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One validated observation from a webhook: message {@code messageId} had {@code status} at
 * {@code atMillis} (provider time, UTC epoch milliseconds). Immutable; built by the receiver's
 * validator, folded by {@link MessageMerge}.
 *
 * @param status       trimmed and lower-cased; may be a non-funnel status such as "deleted"
 * @param phone        normalised "+digits", or null when the provider sent none
 * @param errorCode    first error's code, only for failed statuses, may be null
 * @param errorTitle   first error's title, only for failed statuses, may be null
 * @param receivedMillis when Tickwatch received the request (server clock)
 */
public record StatusEvent(String messageId, String status, long atMillis, String phone,
                          Integer errorCode, String errorTitle, long receivedMillis) {

    public StatusEvent {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(status, "status");
    }

    public Optional<FunnelStatus> funnelStatus() {
        return FunnelStatus.of(status);
    }

    public boolean hasError() {
        return errorCode != null || errorTitle != null;
    }
}
