package io.tickwatch.ingest;

import io.tickwatch.model.StatusEvent;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * One webhook request on its way to the store: its accepted events, its rejected items and the raw
 * body. {@link #committed()} completes on the writer thread once the transaction holding all of it
 * has committed, or exceptionally if it could not be written.
 */
public final class IngestRequest {

    private final UUID id = RequestIds.next();
    private final long receivedMillis;
    private final String source;
    private final String format;
    private final String body;
    private final List<StatusEvent> events;
    private final List<Rejection> rejections;
    private final CompletableFuture<Void> committed = new CompletableFuture<>();

    public IngestRequest(long receivedMillis, String source, String format, String body,
                         List<StatusEvent> events, List<Rejection> rejections) {
        this.receivedMillis = receivedMillis;
        this.source = source;
        this.format = format;
        this.body = body;
        this.events = List.copyOf(events);
        this.rejections = List.copyOf(rejections);
    }

    /** Queue slots this request takes: one per item, at least one. */
    int weight() {
        return Math.max(1, events.size() + rejections.size());
    }

    public UUID id() {
        return id;
    }

    public long receivedMillis() {
        return receivedMillis;
    }

    public String source() {
        return source;
    }

    public String format() {
        return format;
    }

    public String body() {
        return body;
    }

    public List<StatusEvent> events() {
        return events;
    }

    public List<Rejection> rejections() {
        return rejections;
    }

    public CompletableFuture<Void> committed() {
        return committed;
    }
}
