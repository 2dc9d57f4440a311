package io.tickwatch.http;

import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickwatch.testing.RunningTickwatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DESIGN.md §3: GET /health answers 200 JSON while the store is up; GET /metrics is Prometheus text with the ingest counters. */
class HealthAndMetricsOverHttpTest {

    @RegisterExtension
    static final RunningTickwatch tw = RunningTickwatch.perClass();

    @Test
    void healthIsUpWithTheStoreUp() {
        RunningTickwatch.Reply reply = tw.get("/health");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        JsonNode h = reply.json();
        assertThat(h.get("status").asText()).isEqualTo("up");
        assertThat(h.get("db").asText()).isEqualTo("up");
        assertThat(h.get("store").asText()).startsWith("H2 ");
        assertThat(h.get("queueCapacity").asInt()).isEqualTo(100_000);
        assertThat(h.get("queuedItems").asInt()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void metricsCountWhatWasReceivedAcceptedAndRejected() {
        tw.postWebhook(onPremises(status("metrics.1", "sent", "1702207800", null), status("metrics.2", "sent", "soon", null)));
        tw.postWebhook("not json");
        RunningTickwatch.Reply reply = tw.get("/metrics");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).startsWith("text/plain");
        String text = reply.body();
        assertThat(text).contains("# TYPE tickwatch_statuses_accepted_total counter");
        assertThat(metric(text, "tickwatch_statuses_accepted_total")).isGreaterThanOrEqualTo(1.0);
        assertThat(metric(text, "tickwatch_items_rejected_total")).isGreaterThanOrEqualTo(1.0);
        assertThat(metric(text, "tickwatch_requests_total{status=\"200\"}")).isGreaterThanOrEqualTo(1.0);
        assertThat(metric(text, "tickwatch_requests_total{status=\"415\"}")).isGreaterThanOrEqualTo(1.0);
        assertThat(text).contains("tickwatch_queue_depth", "tickwatch_commit_seconds");
    }

    @Test
    void everyAnsweredRequestIsCountedInTheStore() {
        tw.postWebhook("{\"hello\":1}");
        tw.postWebhook(onPremises(status("counted", "sent", "1702207800", null)));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(tw.queryLong("SELECT COALESCE(SUM(requests), 0) FROM request_counts WHERE outcome = '400'"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(tw.queryLong("SELECT COALESCE(SUM(requests), 0) FROM request_counts WHERE outcome = '200'"))
                    .isGreaterThanOrEqualTo(1);
        });
    }

    static double metric(String text, String name) {
        for (String line : text.split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).trim());
            }
        }
        throw new AssertionError("no metric " + name + " in\n" + text);
    }
}
