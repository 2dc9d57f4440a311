package io.tickwatch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwatch.model.StatusEvent;
import io.tickwatch.testing.Backend;
import io.tickwatch.testing.TestBatches;
import io.tickwatch.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL: the pending funnel and phone deltas are folded beside the writers, not inside their commits.
 * A fold that has to wait (here for a lock another session holds on phone_totals) holds up no write; once
 * it can go on, it folds, and the figures are those grouped from the messages.
 */
class DeltaCompactorTest {

    @TempDir
    Path dir;
    private TestDatabase db;
    private JdbcStatusStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aFoldThatWaitsHoldsUpNoWriter() throws Exception {
        db = Backend.POSTGRESQL.create(dir);
        store = StoreFactory.open(db.jdbcUrl(), 4);
        List<StatusEvent> events = PhoneTotalsTest.stream(17, 2_000, 100, false);
        AtomicInteger written = new AtomicInteger();
        try (Connection blocker = java.sql.DriverManager.getConnection(db.jdbcUrl())) {
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.execute("LOCK TABLE phone_totals IN EXCLUSIVE MODE"); // readers may still read it
            }
            // the first fold is due 2 s after the store opened, on the first commit after that
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
                writeNext(events, written, 20);
                return foldsWaiting() > 0;
            });
            for (int i = 0; i < 10; i++) {
                CompletableFuture.runAsync(() -> writeNext(events, written, 20)).get(10, TimeUnit.SECONDS);
            }
            blocker.rollback();
        }
        while (written.get() < events.size()) {
            writeNext(events, written, 200);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count("phone_totals") > 0 && count("funnel_minutes") > 0);
        assertThat(PhoneTotalsTest.maintained(store)).as("totals and pending deltas, added up")
                .isEqualTo(PhoneTotalsTest.grouped(store));
    }

    private void writeNext(List<StatusEvent> events, AtomicInteger written, int n) {
        int from = written.getAndAdd(n);
        if (from < events.size()) {
            store.write(TestBatches.of(events.subList(from, Math.min(events.size(), from + n))));
        }
    }

    /** Sessions waiting for a lock on phone_totals: a fold that could not go on. */
    private long foldsWaiting() throws SQLException {
        return count("pg_locks WHERE NOT granted AND relation = 'phone_totals'::regclass");
    }

    private long count(String tableAndCondition) throws SQLException {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + tableAndCondition);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
