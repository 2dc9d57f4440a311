package io.tickwatch.http;

import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickwatch.testing.Refusals;
import io.tickwatch.testing.RunningTickwatch;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * FORMATS.md §3.9 through GET /api/funnel: sent = messages with sent, delivered or read; delivered =
 * delivered or read; read; failed. Six messages, each a different path through the funnel.
 */
class FunnelOverHttpTest {

    static final String A = "919876543210";
    static final String B = "447700900123";

    @RegisterExtension
    static final RunningTickwatch tw = RunningTickwatch.perClass();

    @BeforeAll
    static void seed() {
        post(status("f1.sent", "sent", "1702207800", A));
        post(status("f2.delivered", "sent", "1702207800", A), status("f2.delivered", "delivered", "1702207805", A));
        post(status("f3.readOnly", "read", "1702207860", B));
        post(status("f4.failed", "failed", "1702207810", B));
        post(status("f5.deleted", "deleted", "1702207820", null));
        post(status("f6.read", "sent", "1702300000", A), status("f6.read", "delivered", "1702300005", A),
                status("f6.read", "read", "1702300060", A));
    }

    static void post(String... items) {
        assertThat(tw.postWebhook(onPremises(items)).status()).isEqualTo(200);
    }

    @Test
    void theFunnelCountsEachMessageAtEveryStageItReached() {
        JsonNode f = tw.get("/api/funnel").json();
        assertThat(f.get("messages").asLong()).isEqualTo(6);
        assertThat(f.get("sent").asLong()).as("f1, f2, f3 (read implies sent in the funnel), f6").isEqualTo(4);
        assertThat(f.get("delivered").asLong()).as("f2, f3, f6").isEqualTo(3);
        assertThat(f.get("read").asLong()).isEqualTo(2);
        assertThat(f.get("failed").asLong()).isEqualTo(1);
        assertThat(f.get("deliveryRate").asDouble()).isCloseTo(0.75, within(1e-9));
        assertThat(f.get("readRate").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
    }

    @Test
    void theFunnelOfOnePhone() {
        JsonNode f = tw.get("/api/funnel?phone=%2B" + A).json();
        assertThat(f.get("messages").asLong()).isEqualTo(3);
        assertThat(f.get("sent").asLong()).isEqualTo(3);
        assertThat(f.get("delivered").asLong()).isEqualTo(2);
        assertThat(f.get("read").asLong()).isEqualTo(1);
        assertThat(f.get("failed").asLong()).isZero();
        assertThat(tw.get("/api/funnel?phone=" + A).json()).as("the phone is normalised like a webhook's").isEqualTo(f);
    }

    @Test
    void theFunnelOfATimeRangeGoesByEachMessagesFirstObservation() {
        JsonNode later = tw.get("/api/funnel?since=1702250000").json();
        assertThat(later.get("messages").asLong()).isEqualTo(1);
        assertThat(later.get("read").asLong()).isEqualTo(1);
        JsonNode earlier = tw.get("/api/funnel?until=2023-12-11T00:00:00Z").json();
        assertThat(earlier.get("messages").asLong()).isEqualTo(5);
    }

    @Test
    void ratesAreNullWhileNothingWasSent() {
        JsonNode f = tw.get("/api/funnel?phone=15550009999").json();
        assertThat(f.get("messages").asLong()).isZero();
        assertThat(f.get("deliveryRate").isNull()).isTrue();
        assertThat(f.get("readRate").isNull()).isTrue();
    }

    @Test
    void perPhoneFunnelsListEachPhone() {
        JsonNode phones = tw.get("/api/phones").json();
        assertThat(phones).extracting(p -> p.get("phone").asText()).containsExactly("+" + A, "+" + B);
        JsonNode a = phones.get(0);
        assertThat(a.get("messages").asLong()).isEqualTo(3);
        assertThat(a.get("delivered").asLong()).isEqualTo(2);
        JsonNode b = phones.get(1);
        assertThat(b.get("sent").asLong()).isEqualTo(1);
        assertThat(b.get("failed").asLong()).isEqualTo(1);
        assertThat(tw.get("/api/phones?limit=1").json()).hasSize(1);
    }

    @Test
    void perPhoneFunnelsSortByEveryDocumentedOrder() {
        assertThat(phoneOrder("messages")).containsExactly("+" + A, "+" + B);
        assertThat(phoneOrder("readRate")).as("B read 1 of 1 delivered, A 1 of 2").containsExactly("+" + B, "+" + A);
        assertThat(phoneOrder("failed")).containsExactly("+" + B, "+" + A);
        assertThat(phoneOrder("lastActivity")).as("f6 (phone A) arrived last").containsExactly("+" + A, "+" + B);
        assertThat(phoneOrder("phone")).containsExactly("+" + B, "+" + A);
        JsonNode b = tw.get("/api/phones?sort=phone").json().get(0);
        assertThat(b.get("readRate").asDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(b.get("lastActivity").asText()).endsWith("Z");
    }

    static java.util.List<String> phoneOrder(String sort) {
        RunningTickwatch.Reply reply = tw.get("/api/phones?sort=" + sort);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        java.util.List<String> phones = new java.util.ArrayList<>();
        reply.json().forEach(p -> phones.add(p.get("phone").asText()));
        return phones;
    }

    @Test
    void badFunnelParametersAreRefused() {
        Refusals.assertRefused(tw.get("/api/funnel?since=yesterday"), 400, "invalid_query");
        Refusals.assertRefused(tw.get("/api/funnel?until=2023-12-11T00:00:00"), 400, "invalid_query");
        Refusals.assertRefused(tw.get("/api/funnel?phone=abc"), 400, "invalid_query");
        Refusals.assertRefused(tw.get("/api/phones?sort=nonsense"), 400, "invalid_query");
        Refusals.assertRefused(tw.get("/api/phones?limit=0"), 400, "invalid_query");
    }
}
