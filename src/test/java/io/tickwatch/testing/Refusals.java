package io.tickwatch.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;

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
}
