package io.tickwatch.bench;

import io.tickwatch.model.MessageMerge;
import io.tickwatch.model.MessageState;
import io.tickwatch.model.StatusEvent;
import io.tickwatch.store.EventRow;
import io.tickwatch.store.JdbcStatusStore;
import io.tickwatch.store.RequestRow;
import io.tickwatch.store.StoreFactory;
import io.tickwatch.store.WriteBatch;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the store alone can take: the benchmark's statuses written straight to {@link JdbcStatusStore},
 * without HTTP, in group commits as the writer gets them — at one status per request (a raw request row
 * per status) in commits of at most one status per connection (with N connections, no more than N
 * requests can wait for one commit) and, for comparison, in commits of {@value #LARGE_BATCH}; at 100 per
 * request in commits of 100 per connection. If these figures are close to the HTTP ones, the store is
 * what limits ingest.
 */
final class StoreCeiling {

    static final int LARGE_BATCH = 2_000;
    /** The writer's default most items per group commit (Setting.MAX_BATCH_ITEMS). */
    private static final int MAX_BATCH_ITEMS = 5_000;

    /**
     * Statuses per second written at one status per request in commits of {@code connections} and of
     * {@link #LARGE_BATCH}, and at 100 per request in commits of {@link #hundredBatch()}.
     */
    record Result(String backend, int connections, double onePerRequestSmall, double onePerRequest,
                  double hundredPerRequest) {

        int hundredBatch() {
            return hundredBatchFor(connections);
        }
    }

    private StoreCeiling() {
    }

    static Result run(Backend backend, List<EventStream.Status> stream, int statuses, int connections)
            throws Exception {
        // commits of a few dozen statuses go slower: a third of the statuses is plenty to measure them
        return new Result(backend.name(), connections,
                measure(backend, "ceiling_1_small", stream, statuses / 3, 1, connections),
                measure(backend, "ceiling_1", stream, statuses, 1, LARGE_BATCH),
                measure(backend, "ceiling_100", stream, statuses, 100, hundredBatchFor(connections)));
    }

    private static int hundredBatchFor(int connections) {
        return Math.min(MAX_BATCH_ITEMS, 100 * connections);
    }

    private static double measure(Backend backend, String run, List<EventStream.Status> stream, int statuses,
                                  int perRequest, int batchSize) throws Exception {
        String url = backend.freshUrl(run);
        double rate;
        try (JdbcStatusStore store = StoreFactory.open(url, 4)) {
            long started = System.nanoTime();
            for (int from = 0; from < statuses; from += batchSize) {
                store.write(batch(stream.subList(from, Math.min(statuses, from + batchSize)), perRequest));
            }
            rate = statuses / ((System.nanoTime() - started) / 1e9);
        }
        backend.drop(run);
        return rate;
    }

    /** What the writer would commit for these statuses arriving {@code perRequest} to a request. */
    private static WriteBatch batch(List<EventStream.Status> part, int perRequest) {
        long now = System.currentTimeMillis();
        List<StatusEvent> events = new ArrayList<>(part.size());
        Map<String, EventRow> rows = new LinkedHashMap<>();
        List<RequestRow> requests = new ArrayList<>();
        for (int i = 0; i < part.size(); i += perRequest) {
            List<EventStream.Status> request = part.subList(i, Math.min(part.size(), i + perRequest));
            UUID id = UUID.randomUUID();
            StringBuilder body = new StringBuilder("{\"statuses\":[");
            for (EventStream.Status s : request) {
                body.append(s.json()).append(',');
                StatusEvent e = new StatusEvent(s.messageId(), s.status(), s.atSeconds() * 1000, "+" + s.phone(),
                        s.errorCode(), s.errorCode() == null ? null : "Message undeliverable", now);
                events.add(e);
                rows.merge(e.messageId() + "|" + e.status() + "|" + e.atMillis(),
                        new EventRow(e.messageId(), e.status(), e.atMillis(), now, 1, id),
                        (a, b) -> new EventRow(a.messageId(), a.status(), a.observedAt(), a.receivedAt(),
                                a.seen() + b.seen(), a.requestId()));
            }
            requests.add(new RequestRow(id, now, "127.0.0.1", "on-premises", request.size(), 0, body + "]}"));
        }
        List<MessageState> states = List.copyOf(MessageMerge.fold(events).values());
        return new WriteBatch(states, List.copyOf(rows.values()), requests, List.of(), Map.of(), now);
    }
}
