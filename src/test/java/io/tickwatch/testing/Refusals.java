package io.tickwatch.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;

/** DESIGN.md §3: every refusal is JSON {"error": code, "message": why}. */
public final class Refusals {

    private Refusals() {
    }

    public static void assertRefused(RunningTickwatch.Reply reply, int status, String errorCode) {
        assertThat(reply.status()).as("status of %s", reply.body()).isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        JsonNode body = reply.json();
        assertThat(body.get("error").asText()).isEqualTo(errorCode);
        assertThat(body.get("message").isTextual()).as("message of %s", reply.body()).isTrue();
        assertThat(body.get("message").asText()).isNotBlank();
    }

    /** Sends the request, checks the refusal, and checks that no table a webhook can change has changed. */
    public static RunningTickwatch.Reply assertRefusedLeavingStoreUnchanged(RunningTickwatch tw,
            Supplier<RunningTickwatch.Reply> request, int status, String errorCode) {
        RunningTickwatch.StoreCounts before = tw.counts();
        RunningTickwatch.Reply reply = request.get();
        assertRefused(reply, status, errorCode);
        assertThat(tw.counts()).as("store after %s", errorCode).isEqualTo(before);
        return reply;
    }
}
