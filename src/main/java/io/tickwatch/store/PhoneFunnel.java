package io.tickwatch.store;

/** The funnel of one phone, with the last time Tickwatch heard about it (server clock). */
public record PhoneFunnel(String phone, FunnelCounts counts, long lastActivity) {
}
