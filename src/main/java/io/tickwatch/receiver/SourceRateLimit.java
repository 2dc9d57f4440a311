package io.tickwatch.receiver;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per source address: {@code perSecond} requests a second on average, bursts up to
 * {@code burst}; beyond that 429 with Retry-After. Buckets idle long enough to be full again are
 * forgotten, so the map stays as small as the set of recent senders. Thread-safe; runs on IO threads
 * and never blocks.
 */
final class SourceRateLimit implements HttpHandler {

    private static final int SWEEP_EVERY = 4096;

    private final double perSecond;
    private final double burst;
    private final LongSupplier nanoClock;
    private final Answers answers;
    private final HttpHandler next;
    private final ConcurrentHashMap<InetAddress, Bucket> buckets = new ConcurrentHashMap<>();
    private int untilSweep = SWEEP_EVERY;

    SourceRateLimit(double perSecond, double burst, LongSupplier nanoClock, Answers answers, HttpHandler next) {
        this.perSecond = perSecond;
        this.burst = burst;
        this.nanoClock = nanoClock;
        this.answers = answers;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        InetAddress source = exchange.getSourceAddress() == null ? null : exchange.getSourceAddress().getAddress();
        if (source != null && !tryTake(source)) {
            answers.retryLater(exchange, 429, 1, "rate_limited", "more than " + (long) perSecond
                    + " requests per second from this address; retry shortly");
            return;
        }
        next.handleRequest(exchange);
    }

    boolean tryTake(InetAddress source) {
        long now = nanoClock.getAsLong();
        sweepOccasionally(now);
        return buckets.computeIfAbsent(source, s -> new Bucket(burst, now)).take(now, perSecond, burst);
    }

    private void sweepOccasionally(long now) {
        if (--untilSweep > 0) {
            return; // a benign race: at worst a sweep runs a little early or late
        }
        untilSweep = SWEEP_EVERY;
        buckets.values().removeIf(b -> b.isFullAt(now, perSecond, burst));
    }

    int trackedSources() {
        return buckets.size();
    }

    /** Tokens refill continuously; one request takes one token. */
    private static final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized boolean take(long now, double perSecond, double burst) {
            refill(now, perSecond, burst);
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }

        synchronized boolean isFullAt(long now, double perSecond, double burst) {
            refill(now, perSecond, burst);
            return tokens >= burst;
        }

        private void refill(long now, double perSecond, double burst) {
            tokens = Math.min(burst, tokens + (now - updated) / 1e9 * perSecond);
            updated = now;
        }
    }
}
