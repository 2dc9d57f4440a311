package io.tickwatch.store;

/** One entry of a message's timeline as the API and the dashboard show it. */
public record EventView(String status, long at, long receivedAt, int seen) {
}
