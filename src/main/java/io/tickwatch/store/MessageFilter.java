package io.tickwatch.store;

import io.tickwatch.model.FunnelStatus;

/**
 * Which messages the messages table shows: substring of id or phone, exact phone (drill-down),
 * current status, earliest provider time in [since, until). Null means "any".
 */
public record MessageFilter(String text, String phone, FunnelStatus status, Long since, Long until) {

    public static final MessageFilter ALL = new MessageFilter(null, null, null, null, null);
}
