package io.tickwatch.http;

import static io.tickwatch.testing.Refusals.assertRefusedLeavingStoreUnchanged;
import static io.tickwatch.testing.Webhooks.cloudApiEntries;
import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.testing.RunningTickwatch;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * DESIGN.md §3: 413 for a body over TICKWATCH_MAX_BODY_BYTES (declared or streamed) and for more items
 * than TICKWATCH_MAX_ITEMS_PER_REQUEST; nothing of such a request is stored.
 */
class BodyLimitsOverHttpTest {

    static final int MAX_BODY = 2048;

    @RegisterExtension
    static final RunningTickwatch tw = RunningTickwatch.perClass(Map.of("TICKWATCH_MAX_BODY_BYTES", Integer.toString(MAX_BODY),
                "TICKWATCH_MAX_ITEMS_PER_REQUEST", "3"));

    /** A valid webhook padded with trailing whitespace to exactly {@code size} bytes. */
    static byte[] bodyOfSize(String id, int size) {
        String json = onPremises(status(id, "sent", "1702207800", "919876543210"));
        return (json + " ".repeat(size - json.length())).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBodyAtTheLimitIsAccepted() {
        assertThat(tw.postWebhook(bodyOfSize("limit.exact", MAX_BODY)).status()).isEqualTo(200);
        assertThat(tw.message("limit.exact").status()).isEqualTo(200);
    }

    @Test
    void aDeclaredContentLengthOverTheLimitIs413() {
        RunningTickwatch.Reply reply = assertRefusedLeavingStoreUnchanged(tw,
                () -> tw.postWebhook(bodyOfSize("limit.over", MAX_BODY + 1)), 413, "body_too_large");
        assertThat(reply.json().get("message").asText()).contains(Integer.toString(MAX_BODY));
        assertThat(tw.message("limit.over").status()).isEqualTo(404);
    }

    /**
     * Without a Content-Length Undertow itself counts the chunks and, past the limit, terminates the
     * connection before the handler can answer 413 (UT000020). What matters holds: nothing is stored and
     * the server goes on answering.
     */
    @Test
    void aStreamedBodyWithoutContentLengthIsCutAtTheLimit() {
        byte[] body = bodyOfSize("limit.chunked", MAX_BODY * 3);
        String head = "POST /webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
        byte[] chunked = (Integer.toHexString(body.length) + "\r\n" + new String(body, StandardCharsets.UTF_8) + "\r\n0\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        RunningTickwatch.StoreCounts before = tw.counts();
        RunningTickwatch.Reply reply = tw.raw(head, chunked);
        assertThat(reply.status()).isIn(RunningTickwatch.NO_ANSWER, 413);
        assertThat(tw.counts()).isEqualTo(before);
        assertThat(tw.message("limit.chunked").status()).isEqualTo(404);
        assertThat(tw.postWebhook(onPremises(status("after.chunked", "sent", "1702207800", null))).status()).isEqualTo(200);
    }

    @Test
    void moreItemsThanAllowedIs413() {
        RunningTickwatch.Reply reply = assertRefusedLeavingStoreUnchanged(tw, () -> tw.postWebhook(onPremises(
                status("items.1", "sent", "1702207800", null), status("items.2", "sent", "1702207800", null),
                status("items.3", "sent", "1702207800", null), status("items.4", "sent", "1702207800", null))),
                413, "too_many_items");
        assertThat(reply.json().get("message").asText()).contains("4 items", "limit is 3");
        assertThat(tw.message("items.1").status()).isEqualTo(404);
    }

    @Test
    void itemsAreCountedAcrossEntriesAndChangesOfOneNotification() {
        String body = cloudApiEntries(List.of(List.of(List.of(status("ci.1", "sent", "1702207800", null)),
                List.of(status("ci.2", "sent", "1702207800", null))), List.of(List.of(status("ci.3", "sent", "1702207800", null),
                status("ci.4", "sent", "1702207800", null)))));
        assertRefusedLeavingStoreUnchanged(tw, () -> tw.postWebhook(body), 413, "too_many_items");
    }

    @Test
    void asManyItemsAsAllowedAreAccepted() {
        RunningTickwatch.Reply reply = tw.postWebhook(onPremises(status("three.1", "sent", "1702207800", null),
                status("three.2", "sent", "1702207800", null), status("three.3", "sent", "1702207800", null)));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("processed").asInt()).isEqualTo(3);
    }

    @Test
    void theServerStaysUsableAfterRefusingALargeBody() {
        assertRefusedLeavingStoreUnchanged(tw, () -> tw.postWebhook(bodyOfSize("big.again", MAX_BODY * 10)), 413,
                "body_too_large");
        assertThat(tw.postWebhook(onPremises(status("after.big", "sent", "1702207800", null))).status()).isEqualTo(200);
    }
}
