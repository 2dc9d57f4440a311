package io.tickwatch.alerts;

import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.store.DashboardQueries;
import io.tickwatch.testing.Backend;
import io.tickwatch.testing.RunningTickwatch;
import io.tickwatch.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real Tickwatch (Undertow on a loopback port) on a fresh H2 file or PostgreSQL database, fed over
 * real HTTP with statuses timed relative to the moment the test started.
 */
final class LiveStore implements AutoCloseable {

    final TestDatabase db;
    final RunningTickwatch tw;
    /** The test's "now", in epoch seconds: statuses are placed relative to it. */
    final long now = System.currentTimeMillis() / 1000;

    private LiveStore(TestDatabase db, RunningTickwatch tw) {
        this.db = db;
        this.tw = tw;
    }

    static LiveStore open(Backend backend, Path dir, Map<String, String> env) {
        TestDatabase db = backend.create(dir);
        Map<String, String> all = new HashMap<>(env);
        all.put("TICKWATCH_DB", db.jdbcUrl());
        try {
            return new LiveStore(db, RunningTickwatch.start(dir, all));
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    static LiveStore open(Backend backend, Path dir) {
        return open(backend, dir, Map.of());
    }

    DashboardQueries queries() {
        return tw.app().dashboardQueries();
    }

    /** Provider time {@code seconds} before the test's now, as a webhook timestamp. */
    String ago(long seconds) {
        return Long.toString(now - seconds);
    }

    void post(String... items) {
        post(List.of(items));
    }

    void post(List<String> items) {
        RunningTickwatch.Reply reply = tw.postWebhook(onPremises(items.toArray(String[]::new)));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("status").asText()).as(reply.body()).isEqualTo("success");
    }

    /** {@code count} messages "prefix-i" with {@code status} at {@code secondsAgo} (phone by index). */
    static List<String> many(String prefix, int from, int count, String status, String timestamp) {
        List<String> items = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            items.add(status(prefix + "-" + i, status, timestamp, "9198000" + String.format("%05d", i)));
        }
        return items;
    }

    @Override
    public void close() {
        try {
            tw.close();
        } finally {
            db.close();
        }
    }
}
