package io.tickwatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.model.FunnelStatus;
import io.tickwatch.model.MessageMerge;
import io.tickwatch.model.MessageState;
import io.tickwatch.model.StatusEvent;
import io.tickwatch.testing.Backend;
import io.tickwatch.testing.ReferenceFunnel;
import io.tickwatch.testing.StatusScenario;
import io.tickwatch.testing.TestBatches;
import io.tickwatch.testing.TestDatabase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The {@link StatusStore} contract, run unchanged against H2 and PostgreSQL: whatever the engine, the
 * stored state of a message is what {@link MessageMerge} computes from its observations.
 */
class StoreContractTest {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StoreContractTest.class);

    private static final long T0 = 1_702_207_800_000L; // 2023-12-10T11:30:00Z

    @TempDir
    Path dir;
    private TestDatabase db;
    private JdbcStatusStore store;

    private JdbcStatusStore open(Backend backend) {
        db = backend.create(dir);
        store = StoreFactory.open(db.jdbcUrl(), 6);
        return store;
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private static StatusEvent ev(String id, String status, long at, String phone) {
        return new StatusEvent(id, status, at, phone, null, null, T0 + 1_000_000);
    }

    private static StatusEvent failed(String id, long at, Integer code, String title) {
        return new StatusEvent(id, "failed", at, null, code, title, T0 + 1_000_000);
    }

    private MessageState stored(String id) {
        return store.message(id).orElseThrow().state();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theGuidesWalkThroughEndsRead(Backend backend) {
        open(backend);
        List<StatusEvent> events = List.of(ev("wamid.A", "sent", T0, "+919876543210"),
                ev("wamid.A", "delivered", T0 + 5_000, "+919876543210"), ev("wamid.A", "read", T0 + 60_000, "+919876543210"));
        for (StatusEvent e : events) {
            store.write(TestBatches.of(List.of(e)));
        }
        MessageState s = stored("wamid.A");
        assertThat(s).isEqualTo(MessageMerge.fold(events).get("wamid.A"));
        assertThat(s.currentStatus()).contains(FunnelStatus.READ);
        assertThat(s.deliveredInferred()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void statusesNeverGoBackwardsAndReadImpliesDelivered(Backend backend) {
        open(backend);
        store.write(TestBatches.of(List.of(ev("m", "read", T0 + 60_000, null))));
        assertThat(stored("m").deliveredInferred()).isTrue();
        assertThat(stored("m").delivered()).isEqualTo(T0 + 60_000);
        store.write(TestBatches.of(List.of(ev("m", "sent", T0, "+1"))));
        store.write(TestBatches.of(List.of(ev("m", "delivered", T0 + 5_000, "+2"))));
        MessageState s = stored("m");
        assertThat(s.currentStatus()).contains(FunnelStatus.READ);
        assertThat(s.delivered()).isEqualTo(T0 + 5_000);
        assertThat(s.deliveredInferred()).isFalse();
        assertThat(s.phone()).isEqualTo("+1"); // the earliest observation's phone, not the first to arrive
        assertThat(s.sent()).isEqualTo(T0);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void stringTieBreaksFollowJavasOrderWhateverTheCollation(Backend backend) {
        open(backend);
        // Java: "Banana" < "apple" and "+Zed" < "+alf"; a linguistic collation says the opposite.
        List<StatusEvent> one = List.of(failed("x", T0, 131026, "apple"), ev("x", "sent", T0, "+alf"));
        List<StatusEvent> other = List.of(failed("x", T0, 131026, "Banana"), ev("x", "sent", T0, "+Zed"));
        store.write(TestBatches.of(one));
        store.write(TestBatches.of(other));
        List<StatusEvent> all = new ArrayList<>(one);
        all.addAll(other);
        MessageState expected = MessageMerge.fold(all).get("x");
        assertThat(expected.errorTitle()).isEqualTo("Banana");
        assertThat(expected.phone()).isEqualTo("+Zed");
        assertThat(stored("x")).isEqualTo(expected);

        store.write(TestBatches.of(List.of(failed("y", T0, null, "Banana"))));
        store.write(TestBatches.of(List.of(failed("y", T0, 131000, "zzz"))));
        assertThat(stored("y").errorCode()).isEqualTo(131000); // a code beats no code at the same instant
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void historyKeepsEachObservationOnceCountingRepeats(Backend backend) {
        open(backend);
        StatusEvent first = new StatusEvent("h", "sent", T0, null, null, null, T0 + 10);
        StatusEvent again = new StatusEvent("h", "sent", T0, null, null, null, T0 + 5);
        StatusEvent other = new StatusEvent("h", "deleted", T0 + 1, null, null, null, T0 + 20);
        store.write(TestBatches.of(List.of(first, first)));
        store.write(TestBatches.of(List.of(again, other)));
        MessageView view = store.message("h").orElseThrow();
        assertThat(view.events()).containsExactly(new EventView("sent", T0, T0 + 5, 3),
                new EventView("deleted", T0 + 1, T0 + 20, 1));
        assertThat(view.state().statusRank()).isEqualTo(FunnelStatus.SENT.rank()); // deleted moves nothing
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void opaqueIdsRoundTripAndSearchTakesWildcardsLiterally(Backend backend) {
        open(backend);
        List<String> ids = List.of("a/b%2F+c=", "it's \"quoted\"", "ünïcødé ✓ 😀", "x".repeat(640), "50%_off", "500ff");
        for (String id : ids) {
            store.write(TestBatches.of(List.of(ev(id, "sent", T0, "+1"))));
        }
        for (String id : ids) {
            assertThat(stored(id).id()).isEqualTo(id);
        }
        MessagePage page = store.messages(new MessageQuery("0%_", null, null, null, null, 10, null));
        assertThat(page.items()).extracting(v -> v.state().id()).containsExactly("50%_off");
        MessagePage unicode = store.messages(new MessageQuery("😀", null, null, null, null, 10, null));
        assertThat(unicode.items()).extracting(v -> v.state().id()).containsExactly("ünïcødé ✓ 😀");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void pagesGoNewestFirstAndFiltersCombine(Backend backend) {
        open(backend);
        for (int i = 0; i < 7; i++) {
            store.write(TestBatches.of(List.of(ev("p" + i, i % 2 == 0 ? "read" : "sent", T0 + i, "+1" + (i % 2)))));
        }
        MessagePage first = store.messages(new MessageQuery(null, null, null, null, null, 3, null));
        assertThat(first.items()).extracting(v -> v.state().id()).containsExactly("p6", "p5", "p4");
        MessagePage second = store.messages(new MessageQuery(null, null, null, null, null, 3, first.nextSeq()));
        assertThat(second.items()).extracting(v -> v.state().id()).containsExactly("p3", "p2", "p1");
        MessagePage reads = store.messages(new MessageQuery(null, "+10", FunnelStatus.READ, T0 + 1, T0 + 6, 10, null));
        assertThat(reads.items()).extracting(v -> v.state().id()).containsExactly("p4", "p2");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void funnelAndPhonesCountTheMergedStates(Backend backend) {
        open(backend);
        StatusScenario scenario = StatusScenario.generate(7, 60, 1);
        store.write(TestBatches.of(scenario.events()));
        Map<String, MessageState> reference = scenario.reference();
        FunnelCounts expected = ReferenceFunnel.count(reference.values());
        assertThat(store.funnel(FunnelQuery.ALL)).isEqualTo(expected);
        long phonesExpected = reference.values().stream().map(MessageState::phone).filter(p -> p != null).distinct().count();
        List<PhoneFunnel> phones = store.phones(1000, PhoneSort.MESSAGES);
        assertThat(phones).hasSize((int) phonesExpected);
        assertThat(phones.stream().mapToLong(p -> p.counts().messages()).sum())
                .isEqualTo(reference.values().stream().filter(s -> s.phone() != null).count());
        String aPhone = phones.get(0).phone();
        assertThat(store.funnel(new FunnelQuery(aPhone, null, null))).isEqualTo(ReferenceFunnel.count(
                reference.values().stream().filter(s -> aPhone.equals(s.phone())).toList()));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void requestsRejectedItemsAndCountsAreKept(Backend backend) throws Exception {
        open(backend);
        UUID request = UUID.randomUUID();
        WriteBatch batch = new WriteBatch(List.of(), List.of(),
                List.of(new RequestRow(request, T0, "127.0.0.1", "on-premises", 0, 1, "{\"statuses\":[{}]}")),
                List.of(new RejectedRow(request, 0, "statuses[0]", "id is missing", "{}", T0)),
                Map.of("200", 2L, "400", 1L), 60_000);
        store.write(batch);
        store.write(new WriteBatch(List.of(), List.of(), List.of(), List.of(), Map.of("200", 3L), 60_000));
        try (var c = java.sql.DriverManager.getConnection(db.jdbcUrl()); var s = c.createStatement()) {
            try (var rs = s.executeQuery("SELECT requests FROM request_counts WHERE outcome = '200'")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(5);
            }
            try (var rs = s.executeQuery("SELECT reason, raw_json FROM rejected_items")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("id is missing");
                assertThat(rs.getString(2)).isEqualTo("{}");
            }
            try (var rs = s.executeQuery("SELECT body FROM webhook_requests")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("{\"statuses\":[{}]}");
            }
        }
    }

    /**
     * Several writer threads, each with its own connection, write interleaved, shuffled, duplicated
     * observations of the same messages in small batches; the result must be exactly the reference merge,
     * history included. On PostgreSQL this exercises the merge inside ON CONFLICT under row locks.
     */
    @ParameterizedTest
    @EnumSource(Backend.class)
    void concurrentWritersConvergeToTheReferenceMerge(Backend backend) throws Exception {
        open(backend);
        StatusScenario scenario = StatusScenario.generate(42, 600, 2);
        int writers = 6;
        List<List<StatusEvent>> parts = scenario.split(writers);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int w = 0; w < writers; w++) {
            List<StatusEvent> part = parts.get(w);
            Random random = new Random(w);
            Thread t = new Thread(() -> {
                int i = 0;
                while (i < part.size()) {
                    int n = 1 + random.nextInt(40);
                    store.write(TestBatches.of(part.subList(i, Math.min(part.size(), i + n))));
                    i += n;
                }
            }, "contract-writer-" + w);
            t.setUncaughtExceptionHandler((th, e) -> failures.add(e));
            threads.add(t);
        }
        long started = System.nanoTime();
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            t.join();
        }
        LOG.info("{}: {} observations of {} messages by {} writer threads in {} ms", backend,
                scenario.events().size(), scenario.reference().size(), writers, (System.nanoTime() - started) / 1_000_000);
        assertThat(failures).isEmpty();
        assertMatchesReference(scenario);
    }

    private void assertMatchesReference(StatusScenario scenario) {
        Map<String, MessageState> reference = scenario.reference();
        Map<String, MessageState> actual = new TreeMap<>();
        for (String id : reference.keySet()) {
            actual.put(id, stored(id));
        }
        assertThat(actual).isEqualTo(new TreeMap<>(reference));
        assertThat(store.funnel(FunnelQuery.ALL).messages()).isEqualTo(reference.size());
        Map<List<Object>, Integer> seen = new java.util.HashMap<>();
        for (StatusEvent e : scenario.events()) {
            seen.merge(List.of(e.messageId(), e.status(), e.atMillis()), 1, Integer::sum);
        }
        long storedSeen = 0;
        long storedRows = 0;
        for (String id : reference.keySet()) {
            for (EventView v : store.message(id).orElseThrow().events()) {
                assertThat(v.seen()).isEqualTo(seen.get(List.of(id, v.status(), v.at())));
                storedSeen += v.seen();
                storedRows++;
            }
        }
        assertThat(storedRows).isEqualTo(seen.size());
        assertThat(storedSeen).isEqualTo(scenario.events().size());
    }
}
