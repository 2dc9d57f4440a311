package io.tickwatch.http;

import static io.tickwatch.testing.Refusals.assertRefused;
import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.testing.RunningTickwatch;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DESIGN.md §3: with an API token configured, /api/* and /metrics require "Authorization: Bearer
 * &lt;token&gt;" from everyone (loopback included); /webhook and /health stay open.
 */
class ApiTokenOverHttpTest {

    static final String TOKEN = "api-token-for-tests";

    @RegisterExtension
    static final RunningTickwatch tw = RunningTickwatch.perClass(Map.of("TICKWATCH_API_TOKEN", TOKEN));

    @BeforeAll
    static void seed() {
        assertThat(tw.postWebhook(onPremises(status("token.1", "sent", "1702207800", null))).status())
                .as("the webhook needs no API token").isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/messages", "/api/messages/token.1", "/api/funnel", "/api/phones", "/metrics"})
    void withoutTheBearerTokenTheAnswerIs401(String path) {
        RunningTickwatch.Reply reply = tw.get(path);
        assertRefused(reply, 401, "unauthorized");
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertRefused(tw.get(path, "Authorization", "Bearer wrong-token"), 401, "unauthorized");
        assertRefused(tw.get(path, "Authorization", "Basic " + TOKEN), 401, "unauthorized");
        assertRefused(tw.get(path, "Authorization", "Bearer " + TOKEN + "x"), 401, "unauthorized");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/messages", "/api/messages/token.1", "/api/funnel", "/api/phones", "/metrics"})
    void withTheBearerTokenTheAnswerIs200(String path) {
        assertThat(tw.get(path, "Authorization", "Bearer " + TOKEN).status()).isEqualTo(200);
    }

    @Test
    void theAnswerBehindTheTokenIsTheRealOne() {
        assertThat(tw.get("/api/messages/token.1", "Authorization", "Bearer " + TOKEN).json().get("currentStatus").asText())
                .isEqualTo("sent");
    }

    @Test
    void healthStaysOpen() {
        assertThat(tw.get("/health").status()).isEqualTo(200);
    }
}
