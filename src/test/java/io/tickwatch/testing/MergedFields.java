package io.tickwatch.testing;

import io.tickwatch.model.MessageState;

/**
 * What a message's state says about the provider's observations, without the server's receipt times:
 * the part that must be identical whoever received which event, and when.
 */
public record MergedFields(String id, String phone, Long phoneAt, Long sent, Long delivered, boolean deliveredReal,
                           Long read, Long failed, Integer errorCode, String errorTitle, Long errorAt, int statusRank,
                           long firstAt) {

    public static MergedFields of(MessageState s) {
        return new MergedFields(s.id(), s.phone(), s.phoneAt(), s.sent(), s.delivered(), s.deliveredReal(), s.read(),
                s.failed(), s.errorCode(), s.errorTitle(), s.errorAt(), s.statusRank(), s.firstAt());
    }
}
