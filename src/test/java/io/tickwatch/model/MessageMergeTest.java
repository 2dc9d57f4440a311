package io.tickwatch.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** FORMATS.md §3 rules 4–8 as the pure merge sees them, one example per rule. */
class MessageMergeTest {

    static final long T0 = Instant.parse("2023-12-10T11:30:00Z").toEpochMilli();
    static final long RECEIVED = T0 + 3_600_000;

    static StatusEvent event(String status, long at) {
        return new StatusEvent("wamid.A", status, at, "+919876543210", null, null, RECEIVED);
    }

    static MessageState fold(StatusEvent... events) {
        Map<String, MessageState> states = MessageMerge.fold(List.of(events));
        assertThat(states).containsOnlyKeys("wamid.A");
        return states.get("wamid.A");
    }

    @Test
    void eachFunnelStatusKeepsItsEarliestTime() {
        MessageState s = fold(event("sent", T0 + 5000), event("sent", T0), event("sent", T0 + 9000),
                event("read", T0 + 70_000), event("read", T0 + 60_000));
        assertThat(s.sent()).isEqualTo(T0);
        assertThat(s.read()).isEqualTo(T0 + 60_000);
    }

    @Test
    void readImpliesDeliveredAndMarksItInferred() {
        MessageState s = fold(event("read", T0 + 60_000));
        assertThat(s.delivered()).isEqualTo(T0 + 60_000);
        assertThat(s.deliveredInferred()).isTrue();
        assertThat(s.sent()).as("sent is never invented").isNull();
    }

    @Test
    void aRealDeliveredClearsTheInferredMarkAndTheEarliestOfDeliveredAndReadWins() {
        MessageState s = fold(event("read", T0 + 60_000), event("delivered", T0 + 5000));
        assertThat(s.delivered()).isEqualTo(T0 + 5000);
        assertThat(s.deliveredInferred()).isFalse();

        MessageState late = fold(event("read", T0 + 60_000), event("delivered", T0 + 90_000));
        assertThat(late.delivered()).as("delivered is the earliest of delivered and read").isEqualTo(T0 + 60_000);
        assertThat(late.deliveredInferred()).isFalse();
    }

    @Test
    void failedAndDeliveredBothHoldAndTheEarliestErrorIsKept() {
        StatusEvent firstFailure = new StatusEvent("wamid.A", "failed", T0 + 1000, null, 131026, "Message undeliverable", RECEIVED);
        StatusEvent laterFailure = new StatusEvent("wamid.A", "failed", T0 + 2000, null, 131047, "Re-engagement message", RECEIVED);
        MessageState s = fold(laterFailure, event("delivered", T0 + 3000), firstFailure);
        assertThat(s.failed()).isEqualTo(T0 + 1000);
        assertThat(s.delivered()).isEqualTo(T0 + 3000);
        assertThat(s.errorCode()).isEqualTo(131026);
        assertThat(s.errorTitle()).isEqualTo("Message undeliverable");
        assertThat(s.currentStatus()).contains(FunnelStatus.DELIVERED);
    }

    @Test
    void aFailedObservationWithoutErrorDoesNotEraseAnError() {
        StatusEvent withError = new StatusEvent("wamid.A", "failed", T0 + 2000, null, 131026, "Undeliverable", RECEIVED);
        StatusEvent bare = new StatusEvent("wamid.A", "failed", T0 + 1000, null, null, null, RECEIVED);
        MessageState s = fold(withError, bare);
        assertThat(s.failed()).isEqualTo(T0 + 1000);
        assertThat(s.errorCode()).isEqualTo(131026);
        assertThat(s.errorTitle()).isEqualTo("Undeliverable");
    }

    @Test
    void currentStatusIsTheMostAdvancedReadDeliveredFailedSent() {
        assertThat(fold(event("sent", T0)).currentStatus()).contains(FunnelStatus.SENT);
        assertThat(fold(event("sent", T0), event("failed", T0 + 1)).currentStatus()).contains(FunnelStatus.FAILED);
        assertThat(fold(event("failed", T0 + 1), event("delivered", T0)).currentStatus()).contains(FunnelStatus.DELIVERED);
        assertThat(fold(event("delivered", T0), event("read", T0 + 1), event("failed", T0 + 2)).currentStatus())
                .contains(FunnelStatus.READ);
        assertThat(fold(event("read", T0 + 10), event("sent", T0 + 20)).currentStatus())
                .as("statuses never go backwards").contains(FunnelStatus.READ);
    }

    @Test
    void otherStatusesAreKeptOnlyInTheHistoryAndMoveNothing() {
        MessageState s = fold(event("deleted", T0), event("played", T0 + 1), event("enqueued", T0 + 2));
        assertThat(s.currentStatus()).isEmpty();
        assertThat(s.statusRank()).isZero();
        assertThat(s.sent()).isNull();
        assertThat(s.delivered()).isNull();
        assertThat(s.read()).isNull();
        assertThat(s.failed()).isNull();
        assertThat(s.firstAt()).isEqualTo(T0);
    }

    @Test
    void theFirstNonNullPhoneByProviderTimeStays() {
        StatusEvent later = new StatusEvent("wamid.A", "delivered", T0 + 5000, "+447700900123", null, null, RECEIVED);
        StatusEvent earlier = new StatusEvent("wamid.A", "sent", T0, "+919876543210", null, null, RECEIVED + 10);
        StatusEvent none = new StatusEvent("wamid.A", "read", T0 - 1, null, null, null, RECEIVED);
        assertThat(fold(later, none, earlier).phone()).isEqualTo("+919876543210");
        assertThat(fold(earlier, later, none).phone()).isEqualTo("+919876543210");
        assertThat(fold(none).phone()).isNull();
    }

    @Test
    void receiptTimesSpanFirstAndLastArrival() {
        StatusEvent a = new StatusEvent("wamid.A", "sent", T0, null, null, null, RECEIVED + 50);
        StatusEvent b = new StatusEvent("wamid.A", "read", T0 + 1, null, null, null, RECEIVED);
        MessageState s = fold(a, b);
        assertThat(s.firstReceived()).isEqualTo(RECEIVED);
        assertThat(s.lastReceived()).isEqualTo(RECEIVED + 50);
    }

    @Test
    void foldKeepsOneStatePerMessageId() {
        StatusEvent b = new StatusEvent("wamid.B", "sent", T0, null, null, null, RECEIVED);
        Map<String, MessageState> states = MessageMerge.fold(List.of(event("sent", T0), b, event("read", T0 + 9)));
        assertThat(states).containsOnlyKeys("wamid.A", "wamid.B");
        assertThat(states.get("wamid.A").read()).isEqualTo(T0 + 9);
        assertThat(states.get("wamid.B").read()).isNull();
    }

    @Test
    void statesOfDifferentMessagesAreNeverMerged() {
        MessageState a = MessageMerge.of(event("sent", T0));
        MessageState b = MessageMerge.of(new StatusEvent("wamid.B", "sent", T0, null, null, null, RECEIVED));
        assertThatThrownBy(() -> MessageMerge.merge(a, b)).isInstanceOf(IllegalArgumentException.class);
    }
}
