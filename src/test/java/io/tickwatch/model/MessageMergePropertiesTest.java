package io.tickwatch.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * DESIGN.md §4 "order-independent, idempotent merge": any permutation and any duplication of the same
 * observations folds to the same state, and the state is what FORMATS.md §3 says it is. Values are drawn
 * from small pools so that equal times, equal phones and competing errors occur often.
 */
class MessageMergePropertiesTest {

    static final long T0 = Instant.parse("2023-12-10T11:30:00Z").toEpochMilli();

    @Property(tries = 500)
    void everyPermutationAndDuplicationFoldsToTheSameState(@ForAll("reorderedWithDuplicates") Reordering r) {
        assertThat(MessageMerge.fold(r.reordered())).isEqualTo(MessageMerge.fold(r.original()));
    }

    @Property(tries = 300)
    void mergeIsCommutative(@ForAll("states") MessageState a, @ForAll("states") MessageState b) {
        assertThat(MessageMerge.merge(a, b)).isEqualTo(MessageMerge.merge(b, a));
    }

    @Property(tries = 300)
    void mergeIsAssociative(@ForAll("states") MessageState a, @ForAll("states") MessageState b,
                            @ForAll("states") MessageState c) {
        assertThat(MessageMerge.merge(MessageMerge.merge(a, b), c))
                .isEqualTo(MessageMerge.merge(a, MessageMerge.merge(b, c)));
    }

    @Property(tries = 300)
    void mergeIsIdempotent(@ForAll("states") MessageState a, @ForAll("states") MessageState b) {
        assertThat(MessageMerge.merge(a, a)).isEqualTo(a);
        MessageState ab = MessageMerge.merge(a, b);
        assertThat(MessageMerge.merge(ab, b)).as("merging what is already merged changes nothing").isEqualTo(ab);
    }

    /** The rules of FORMATS.md §3 restated directly over the whole set of observations. */
    @Property(tries = 500)
    void theFoldedStateIsWhatTheRulesSay(@ForAll("eventsOfOneMessage") List<StatusEvent> events) {
        MessageState s = MessageMerge.fold(events).get("wamid.A");

        assertThat(s.sent()).isEqualTo(earliest(events, "sent"));
        assertThat(s.read()).isEqualTo(earliest(events, "read"));
        assertThat(s.failed()).isEqualTo(earliest(events, "failed"));
        Long delivered = min(earliest(events, "delivered"), earliest(events, "read"));
        assertThat(s.delivered()).as("read implies delivered").isEqualTo(delivered);
        assertThat(s.deliveredInferred()).isEqualTo(delivered != null && earliest(events, "delivered") == null);

        int rank = events.stream().map(StatusEvent::funnelStatus).flatMap(Optional::stream)
                .mapToInt(FunnelStatus::rank).max().orElse(0);
        assertThat(s.statusRank()).as("read > delivered > failed > sent").isEqualTo(rank);

        String phone = events.stream().filter(e -> e.phone() != null)
                .min(Comparator.comparingLong(StatusEvent::atMillis).thenComparing(StatusEvent::phone))
                .map(StatusEvent::phone).orElse(null);
        assertThat(s.phone()).as("the phone of the earliest observation that has one").isEqualTo(phone);

        Optional<StatusEvent> firstError = events.stream().filter(e -> e.funnelStatus().orElse(null) == FunnelStatus.FAILED)
                .filter(StatusEvent::hasError).min(Comparator.comparingLong(StatusEvent::atMillis));
        if (firstError.isEmpty()) {
            assertThat(s.errorCode()).isNull();
            assertThat(s.errorTitle()).isNull();
        } else {
            long at = firstError.get().atMillis();
            List<StatusEvent> tied = events.stream().filter(e -> e.funnelStatus().orElse(null) == FunnelStatus.FAILED)
                    .filter(StatusEvent::hasError).filter(e -> e.atMillis() == at).collect(Collectors.toList());
            assertThat(tied).as("the kept error comes from the earliest failure carrying one")
                    .anySatisfy(e -> {
                        assertThat(e.errorCode()).isEqualTo(s.errorCode());
                        assertThat(e.errorTitle()).isEqualTo(s.errorTitle());
                    });
        }
        assertThat(s.firstAt()).isEqualTo(events.stream().mapToLong(StatusEvent::atMillis).min().orElseThrow());
    }

    record Reordering(List<StatusEvent> original, List<StatusEvent> reordered) {
    }

    @Provide
    Arbitrary<Reordering> reorderedWithDuplicates() {
        Arbitrary<List<StatusEvent>> events = event(Arbitraries.of("wamid.A", "wamid.B")).list().ofMinSize(1).ofMaxSize(12);
        return events.flatMap(original -> Arbitraries.integers().between(0, original.size() - 1).list().ofMaxSize(8)
                .flatMap(duplicated -> {
                    List<StatusEvent> withCopies = new ArrayList<>(original);
                    duplicated.forEach(i -> withCopies.add(original.get(i)));
                    return Arbitraries.shuffle(withCopies).map(shuffled -> new Reordering(original, shuffled));
                }));
    }

    @Provide
    Arbitrary<List<StatusEvent>> eventsOfOneMessage() {
        return event(Arbitraries.just("wamid.A")).list().ofMinSize(1).ofMaxSize(10);
    }

    /** States as the store holds them: folds of several observations of one message. */
    @Provide
    Arbitrary<MessageState> states() {
        return eventsOfOneMessage().map(events -> MessageMerge.fold(events).get("wamid.A"));
    }

    static Arbitrary<StatusEvent> event(Arbitrary<String> ids) {
        Arbitrary<String> statuses = Arbitraries.of("sent", "delivered", "read", "failed", "played", "deleted");
        Arbitrary<Long> times = Arbitraries.longs().between(0, 4).map(s -> T0 + s * 1000);
        Arbitrary<String> phones = Arbitraries.of("+919876543210", "+447700900123").injectNull(0.4);
        Arbitrary<Integer> codes = Arbitraries.of(131026, 131047, Integer.MAX_VALUE).injectNull(0.3);
        Arbitrary<String> titles = Arbitraries.of("Message undeliverable", "Re-engagement message", "").injectNull(0.3);
        Arbitrary<Long> received = Arbitraries.longs().between(0, 3).map(r -> T0 + 3_600_000 + r);
        return Combinators.combine(ids, statuses, times, phones, codes, titles, received)
                .as((id, status, at, phone, code, title, rec) -> "failed".equals(status)
                        ? new StatusEvent(id, status, at, phone, code, title, rec)
                        : new StatusEvent(id, status, at, phone, null, null, rec));
    }

    static Long earliest(List<StatusEvent> events, String status) {
        return events.stream().filter(e -> e.status().equals(status)).map(StatusEvent::atMillis)
                .min(Long::compare).orElse(null);
    }

    static Long min(Long a, Long b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Long.valueOf(Math.min(a, b));
    }
}
