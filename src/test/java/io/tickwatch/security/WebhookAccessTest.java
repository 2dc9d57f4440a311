package io.tickwatch.security;

import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickwatch.testing.RunningTickwatch;
import io.tickwatch.testing.RunningTickwatch.Reply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may post (issue "Security and hostile input", points 1–2), over real HTTP against a real H2 file:
 * a shared token for providers that cannot sign, the source allow-list and the per-source rate limit.
 * Every refusal is a JSON error, stores nothing, and is visible in the request log.
 */
class WebhookAccessTest {

    private static final String ONE = onPremises(status("wamid.acc1", "sent", "1702207800", "919876543210"));

    @TempDir
    Path dir;

    @Test
    void sharedTokenInHeaderOrQueryIsAcceptedAndAnythingElseIs401() {
        try (RunningTickwatch tw = RunningTickwatch.start(dir, Map.of("TICKWATCH_WEBHOOK_TOKEN", "t0ken-42"))) {
            Reply missing = tw.postWebhook(ONE);
            Reply wrong = tw.postWebhook(ONE, "X-Tickwatch-Token", "t0ken-41");
            assertThat(missing.status()).isEqualTo(401);
            assertThat(missing.json().get("error").asText()).isEqualTo("bad_token");
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(tw.queryLong("SELECT COUNT(*) FROM messages")).isZero();

            assertThat(tw.postWebhook(ONE, "X-Tickwatch-Token", "t0ken-42").status()).isEqualTo(200);
            Reply viaQuery = tw.send(java.net.http.HttpRequest.newBuilder(tw.uri("/webhook?token=t0ken-42"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            onPremises(status("wamid.acc2", "sent", "1702207800", null)))).build());
            assertThat(viaQuery.status()).isEqualTo(200);
            assertThat(tw.queryLong("SELECT COUNT(*) FROM messages")).isEqualTo(2);
        }
    }

    @Test
    void refusedRequestsAreInTheRequestLogWithSecretsRedacted() {
        try (RunningTickwatch tw = RunningTickwatch.start(dir, Map.of("TICKWATCH_APP_SECRET", "s3cret"))) {
            tw.postWebhook(ONE, "X-Hub-Signature-256", "sha256=00ff");
            JsonNode log = tw.get("/api/requests").json();
            assertThat(log).hasSize(1);
            JsonNode entry = log.get(0);
            assertThat(entry.get("status").asInt()).isEqualTo(401);
            assertThat(entry.get("auth").asText()).isEqualTo("invalid");
            assertThat(entry.get("headers").get("X-Hub-Signature-256").asText()).isEqualTo("[redacted]");
            assertThat(entry.get("body").asText()).isEqualTo(ONE);
            assertThat(tw.queryLong("SELECT COUNT(*) FROM messages")).isZero();
        }
    }

    @Test
    void tokenInTheQueryStringIsRedactedInTheLog() {
        try (RunningTickwatch tw = RunningTickwatch.start(dir, Map.of("TICKWATCH_WEBHOOK_TOKEN", "t0ken-42"))) {
            tw.send(java.net.http.HttpRequest.newBuilder(tw.uri("/webhook?token=t0ken-42"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(ONE)).build());
            JsonNode entry = tw.get("/api/requests").json().get(0);
            assertThat(entry.get("uri").asText()).isEqualTo("/webhook?token=[redacted]");
            assertThat(entry.get("auth").asText()).isEqualTo("token valid");
            assertThat(entry.toString()).doesNotContain("t0ken-42");
        }
    }

    @Test
    void sourcesOutsideTheAllowListGet403AndStoreNothing() {
        try (RunningTickwatch tw = RunningTickwatch.start(dir, Map.of("TICKWATCH_ALLOWED_SOURCES", "10.0.0.0/8, 192.168.1.7"))) {
            Reply refused = tw.postWebhook(ONE);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("error").asText()).isEqualTo("source_not_allowed");
            assertThat(tw.queryLong("SELECT COUNT(*) FROM messages")).isZero();
        }
    }

    @Test
    void loopbackInsideTheAllowListIsServed() {
        try (RunningTickwatch tw = RunningTickwatch.start(dir, Map.of("TICKWATCH_ALLOWED_SOURCES", "127.0.0.0/8,::1"))) {
            assertThat(tw.postWebhook(ONE).status()).isEqualTo(200);
        }
    }

    @Test
    void aBurstAboveTheRateLimitGets429WithRetryAfterAndLosesNothingAccepted() {
        // 5 per second, bursts of 10: thirty requests sent back to back cannot all pass.
        try (RunningTickwatch tw = RunningTickwatch.start(dir, Map.of("TICKWATCH_RATE_LIMIT", "5"))) {
            List<Reply> replies = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                replies.add(tw.postWebhook(onPremises(status("wamid.rl" + i, "sent", "1702207800", null))));
            }
            List<Reply> limited = replies.stream().filter(r -> r.status() == 429).toList();
            long accepted = replies.stream().filter(r -> r.status() == 200).count();
            assertThat(limited).isNotEmpty().allSatisfy(r -> {
                assertThat(r.header("Retry-After")).isEqualTo("1");
                assertThat(r.json().get("error").asText()).isEqualTo("rate_limited");
            });
            assertThat(accepted).isBetween(10L, 25L);
            assertThat(accepted + limited.size()).isEqualTo(30);
            assertThat(tw.queryLong("SELECT COUNT(*) FROM messages")).isEqualTo(accepted);
        }
    }
}
