package io.tickwatch.receiver;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickwatch.ingest.GroupCommitWriter;
import io.tickwatch.ingest.IngestQueue;
import io.tickwatch.store.StatusStore;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;

/** {@code GET /health}: 200 while the store answers, 503 when it does not. Checks run on a worker thread. */
final class HealthHandler implements HttpHandler {

    private final StatusStore store;
    private final GroupCommitWriter writer;
    private final IngestQueue queue;
    private final Answers answers;
    private final String version;

    HealthHandler(StatusStore store, GroupCommitWriter writer, IngestQueue queue, Answers answers, String version) {
        this.store = store;
        this.writer = writer;
        this.queue = queue;
        this.answers = answers;
        this.version = version;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        boolean dbUp = store.isReachable();
        ObjectNode body = answers.mapper().createObjectNode()
                .put("status", dbUp ? "up" : "down")
                .put("db", dbUp ? "up" : "down")
                .put("store", store.describe())
                .put("writer", writer.isFailing() ? "failing" : "ok")
                .put("queuedItems", queue.queuedItems())
                .put("queueCapacity", queue.capacityItems())
                .put("version", version);
        answers.json(exchange, dbUp ? 200 : 503, body);
    }
}
