package io.tickwatch.http;

import static io.tickwatch.testing.Refusals.assertRefused;
import static io.tickwatch.testing.Refusals.assertRefusedLeavingStoreUnchanged;
import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.testing.RunningTickwatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DESIGN.md §3: methods other than GET and POST on /webhook get 405; unknown paths 404; the API is read-only. */
class WebhookMethodsOverHttpTest {

    @RegisterExtension
    static final RunningTickwatch tw = RunningTickwatch.perClass();

    @ParameterizedTest
    @ValueSource(strings = {"PUT", "DELETE", "PATCH"})
    void otherMethodsOnTheWebhookAre405AndStoreNothing(String method) {
        String body = onPremises(status("method." + method, "sent", "1702207800", null));
        RunningTickwatch.Reply reply = assertRefusedLeavingStoreUnchanged(tw,
                () -> tw.request(method, "/webhook", body, "Content-Type", "application/json"), 405, "method_not_allowed");
        assertThat(reply.header("Allow")).contains("GET", "POST");
        assertThat(tw.message("method." + method).status()).isEqualTo(404);
    }

    @Test
    void theApiIsReadOnly() {
        assertRefused(tw.request("POST", "/api/messages", "{}"), 405, "method_not_allowed");
        assertRefused(tw.request("DELETE", "/api/messages/x", null), 405, "method_not_allowed");
    }

    @Test
    void unknownPathsAre404() {
        assertRefused(tw.get("/nothing-here"), 404, "not_found");
        assertRefused(tw.get("/api/nothing-here"), 404, "not_found");
        assertRefusedLeavingStoreUnchanged(tw, () -> tw.request("POST", "/webhooks",
                onPremises(status("wrong.path", "sent", "1702207800", null))), 404, "not_found");
    }
}
