package io.tickwatch.store;

/** Which messages a funnel counts: one phone or all (null), earliest provider time in [since, until). */
public record FunnelQuery(String phone, Long since, Long until) {

    public static final FunnelQuery ALL = new FunnelQuery(null, null, null);
}
