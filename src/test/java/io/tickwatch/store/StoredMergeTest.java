package io.tickwatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.model.MessageMerge;
import io.tickwatch.model.MessageState;
import io.tickwatch.model.StatusEvent;
import io.tickwatch.testing.Backend;
import io.tickwatch.testing.TestBatches;
import io.tickwatch.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A batch meeting a message the store already holds, case by case: the stored row, the funnel and the
 * phones must be what {@link MessageMerge} makes of every observation so far. On H2 the writer merges in
 * Java and writes plain INSERTs and UPDATEs (skipping rows a batch does not change); on PostgreSQL the
 * upsert merges in SQL. Either way the outcome is the reference merge.
 */
class StoredMergeTest {

    private static final long T0 = 1_702_207_800_000L; // 2023-12-10T11:30:00Z

    @TempDir
    Path dir;
    private TestDatabase db;
    private JdbcStatusStore store;
    private final List<StatusEvent> written = new ArrayList<>();

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private void open(Backend backend) {
        db = backend.create(dir);
        store = StoreFactory.open(db.jdbcUrl(), 2);
    }

    private void write(StatusEvent... batch) {
        written.addAll(List.of(batch));
        store.write(TestBatches.of(List.of(batch)));
    }

    private static StatusEvent ev(String id, String status, long at, String phone, long received) {
        return new StatusEvent(id, status, at, phone, null, null, received);
    }

    /** The stored row, the funnel of everything and the per-phone counts all equal the reference merge. */
    private MessageState assertStoredIsTheReference(String id) {
        MessageState expected = MessageMerge.fold(written).get(id);
        MessageState stored = store.message(id).orElseThrow().state();
        assertThat(stored).isEqualTo(expected);
        FunnelCounts funnel = store.funnel(FunnelQuery.ALL);
        assertThat(funnel.messages()).isEqualTo(MessageMerge.fold(written).size());
        assertThat(store.phones(10, PhoneSort.PHONE)).extracting(PhoneFunnel::phone)
                .containsExactlyInAnyOrderElementsOf(MessageMerge.fold(written).values().stream()
                        .map(MessageState::phone).filter(p -> p != null).distinct().toList());
        return stored;
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anEarlierObservationsPhoneReplacesAStoredLaterOne(Backend backend) {
        open(backend);
        write(ev("p", "delivered", T0 + 5_000, "+2", T0 + 10));
        write(ev("p", "sent", T0, "+1", T0 + 20));
        MessageState s = assertStoredIsTheReference("p");
        assertThat(s.phone()).isEqualTo("+1");
        assertThat(s.phoneAt()).isEqualTo(T0);
        assertThat(s.firstAt()).isEqualTo(T0);
        assertThat(store.funnel(new FunnelQuery("+2", null, null)).messages()).isZero();
        assertThat(store.funnel(new FunnelQuery("+1", null, null)).delivered()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aRealDeliveredReplacesOneInferredFromRead(Backend backend) {
        open(backend);
        write(ev("d", "read", T0 + 60_000, null, T0 + 10));
        assertThat(assertStoredIsTheReference("d").deliveredInferred()).isTrue();
        write(ev("d", "delivered", T0 + 5_000, null, T0 + 20));
        MessageState s = assertStoredIsTheReference("d");
        assertThat(s.deliveredInferred()).isFalse();
        assertThat(s.delivered()).isEqualTo(T0 + 5_000);

        // a real delivered reported after the read: delivered is real from now on, its time stays the read's
        write(ev("late", "read", T0 + 60_000, null, T0 + 10));
        write(ev("late", "delivered", T0 + 90_000, null, T0 + 30));
        MessageState late = assertStoredIsTheReference("late");
        assertThat(late.deliveredInferred()).isFalse();
        assertThat(late.delivered()).isEqualTo(T0 + 60_000);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aStatusSeenAgainLaterMovesOnlyTheLastReceipt(Backend backend) {
        open(backend);
        write(ev("r", "sent", T0, "+1", T0 + 10), ev("other", "sent", T0, "+9", T0 + 10));
        FunnelCounts before = store.funnel(FunnelQuery.ALL);
        write(ev("r", "sent", T0, "+1", T0 + 50));
        MessageState s = assertStoredIsTheReference("r");
        assertThat(s.firstReceived()).isEqualTo(T0 + 10);
        assertThat(s.lastReceived()).isEqualTo(T0 + 50);
        assertThat(store.funnel(FunnelQuery.ALL)).isEqualTo(before);
        assertThat(store.message("r").orElseThrow().events()).singleElement()
                .satisfies(e -> assertThat(e.seen()).isEqualTo(2));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anExactRepeatChangesNoStateButIsCountedInTheHistory(Backend backend) {
        open(backend);
        StatusEvent sent = ev("x", "sent", T0, "+1", T0 + 10);
        write(sent);
        MessageState first = assertStoredIsTheReference("x");
        write(sent, ev("y", "read", T0 + 1_000, "+2", T0 + 10));
        assertThat(assertStoredIsTheReference("x")).isEqualTo(first);
        assertThat(assertStoredIsTheReference("y").read()).isEqualTo(T0 + 1_000);
        assertThat(store.message("x").orElseThrow().events()).singleElement()
                .satisfies(e -> assertThat(e.seen()).isEqualTo(2));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void anEarlierFirstObservationMovesTheMessageToItsMinute(Backend backend) {
        open(backend);
        write(ev("m", "read", T0 + 600_000, "+1", T0 + 10));
        write(ev("m", "sent", T0, "+1", T0 + 20));
        assertStoredIsTheReference("m");
        assertThat(store.funnel(new FunnelQuery(null, T0, T0 + 60_000)).read()).isEqualTo(1);
        assertThat(store.funnel(new FunnelQuery(null, T0 + 60_000, null)).messages()).isZero();
    }
}
