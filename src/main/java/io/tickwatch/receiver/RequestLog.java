package io.tickwatch.receiver;

import io.tickwatch.ingest.Rejection;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most recent webhook requests, whatever their answer (refused ones included), for the request
 * inspector and {@code GET /api/requests}. Bounded in entries and in body bytes kept per entry;
 * secrets are already redacted when an entry is added. Thread-safe.
 */
public final class RequestLog {

    /** Bodies longer than this (in bytes) are cut in the log; the store keeps accepted bodies whole. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    /** One logged request. {@code auth} is the signature/token verdict; latency is until the answer was sent. */
    public record Entry(long seq, long receivedAt, String source, String method, String uri, int status,
                        long latencyMicros, String format, String auth, int accepted, List<Rejection> rejected,
                        Map<String, String> headers, String body, boolean bodyTruncated) {
    }

    private final int capacity;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private final AtomicLong nextSeq = new AtomicLong(1);

    public RequestLog(int capacity) {
        this.capacity = capacity;
    }

    long nextSeq() {
        return nextSeq.getAndIncrement();
    }

    synchronized void add(Entry entry) {
        if (entries.size() == capacity) {
            entries.removeFirst();
        }
        entries.addLast(entry);
    }

    /** Newest first. */
    public synchronized List<Entry> recent(int limit) {
        List<Entry> result = new ArrayList<>(Math.min(limit, entries.size()));
        var it = entries.descendingIterator();
        while (it.hasNext() && result.size() < limit) {
            result.add(it.next());
        }
        return result;
    }
}
