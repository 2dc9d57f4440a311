package io.tickwatch.http;

import static io.tickwatch.testing.Refusals.assertRefused;
import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickwatch.testing.RunningTickwatch;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DESIGN.md §3 query API: one message, 404 when unknown, newest-first pages with a cursor, filters, strict parameters. */
class MessagesApiOverHttpTest {

    @RegisterExtension
    static final RunningTickwatch tw = RunningTickwatch.perClass();

    @BeforeAll
    static void seed() {
        // arrival order page.1 … page.7; one request each so that every message arrives after the previous one
        post(status("page.1", "sent", "1702207800", "919876543210"));
        post(status("page.2", "read", "1702207860", "919876543210"));
        post(status("page.3", "failed", "1702207810", "447700900123"));
        post(status("page.4", "delivered", "1702207805", "447700900123"));
        post(status("page.5", "read", "1702300000", "15550001111"));
        post(status("page.6", "sent", "1702300000", null));
        post(status("page.7", "sent", "1702400000", "919876543210"));
    }

    static void post(String item) {
        assertThat(tw.postWebhook(onPremises(item)).status()).isEqualTo(200);
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(m -> ids.add(m.get("id").asText()));
        return ids;
    }

    @Test
    void oneMessageHasTheDocumentedShape() {
        JsonNode m = tw.message("page.2").json();
        List<String> fields = new ArrayList<>();
        m.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("id", "phone", "sent", "delivered", "deliveredInferred", "read", "failed",
                "errorCode", "errorTitle", "currentStatus", "firstReceived", "lastReceived", "events");
        JsonNode event = m.get("events").get(0);
        List<String> eventFields = new ArrayList<>();
        event.fieldNames().forEachRemaining(eventFields::add);
        assertThat(eventFields).containsExactly("status", "at", "receivedAt", "seen");
        assertThat(m.get("read").asText()).isEqualTo("2023-12-10T11:31:00Z");
        Instant received = Instant.parse(m.get("firstReceived").asText());
        assertThat(m.get("firstReceived").asText()).endsWith("Z");
        assertThat(received).isBefore(Instant.now().plusSeconds(5));
    }

    @Test
    void anUnknownMessageIs404() {
        assertRefused(tw.message("never.received"), 404, "unknown_message");
    }

    @Test
    void pagesFollowTheCursorNewestFirstUntilNextIsNull() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = tw.get("/api/messages?q=page.&limit=3" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            List<String> ids = ids(page);
            assertThat(ids).hasSizeLessThanOrEqualTo(3);
            seen.addAll(ids);
            cursor = page.get("next").isNull() ? null : page.get("next").asText();
            pages++;
        } while (cursor != null);
        assertThat(seen).containsExactly("page.7", "page.6", "page.5", "page.4", "page.3", "page.2", "page.1");
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void aLastFullPageHasNoNext() {
        JsonNode page = tw.get("/api/messages?q=page.&limit=7").json();
        assertThat(ids(page)).hasSize(7);
        assertThat(page.get("next").isNull()).isTrue();
        assertThat(tw.get("/api/messages?q=page.&limit=6").json().get("next").isNull()).isFalse();
    }

    @Test
    void filtersNarrowTheList() {
        assertThat(ids(tw.get("/api/messages?q=page.&status=read").json())).containsExactly("page.5", "page.2");
        assertThat(ids(tw.get("/api/messages?q=page.&status=SENT").json())).containsExactly("page.7", "page.6", "page.1");
        assertThat(ids(tw.get("/api/messages?phone=%2B447700900123").json())).containsExactly("page.4", "page.3");
        assertThat(ids(tw.get("/api/messages?q=1555000").json())).as("q matches a substring of the phone").containsExactly("page.5");
        assertThat(ids(tw.get("/api/messages?q=page.&since=1702250000&until=2023-12-12T00:00:00Z").json()))
                .containsExactly("page.6", "page.5");
        assertThat(ids(tw.get("/api/messages?q=nothing-matches-this").json())).isEmpty();
        assertThat(ids(tw.get("/api/messages?q=%25").json())).as("% is a literal, not a wildcard").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"limit=0", "limit=1001", "limit=-1", "limit=ten", "status=bogus", "status=deleted",
            "since=yesterday", "since=0", "until=2023-12-10T11:30:00", "phone=abc", "limit=1&limit=2"})
    void badParametersAre400(String query) {
        assertRefused(tw.get("/api/messages?" + query), 400, "invalid_query");
    }

    /** Undertow's request parser refuses a malformed escape itself, before any handler (an empty 400, not our JSON). */
    @Test
    void aMalformedEscapeInTheQueryIs400() {
        assertThat(tw.rawGet("/api/messages?q=%zz").status()).isEqualTo(400);
        assertThat(tw.rawGet("/api/messages?q=%2").status()).isEqualTo(400);
    }

    @Test
    void aCursorThisApiDidNotGiveOutIs400() {
        assertRefused(tw.get("/api/messages?cursor=!!!"), 400, "invalid_cursor");
        String forged = Base64.getUrlEncoder().encodeToString("hello".getBytes(StandardCharsets.US_ASCII));
        assertRefused(tw.get("/api/messages?cursor=" + forged), 400, "invalid_cursor");
        String notANumber = Base64.getUrlEncoder().encodeToString("seq:x".getBytes(StandardCharsets.US_ASCII));
        assertRefused(tw.get("/api/messages?cursor=" + notANumber), 400, "invalid_cursor");
    }
}
