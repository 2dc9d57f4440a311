package io.tickwatch.receiver;

import io.undertow.server.HttpServerExchange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Deque;
import java.util.Map;

/**
 * Meta's {@code GET /webhook?hub.mode=subscribe&hub.verify_token=T&hub.challenge=C}: the challenge
 * verbatim when T matches the configured verify token (compared in constant time), else 403.
 */
final class VerificationHandshake {

    private final String verifyToken;
    private final Answers answers;

    VerificationHandshake(String verifyToken, Answers answers) {
        this.verifyToken = verifyToken;
        this.answers = answers;
    }

    void answer(HttpServerExchange exchange) {
        Map<String, Deque<String>> q = exchange.getQueryParameters();
        String mode = first(q, "hub.mode");
        String token = first(q, "hub.verify_token");
        String challenge = first(q, "hub.challenge");
        if (!"subscribe".equals(mode) || challenge == null) {
            answers.error(exchange, 403, "bad_handshake",
                    "expected hub.mode=subscribe with hub.verify_token and hub.challenge");
        } else if (verifyToken == null) {
            answers.error(exchange, 403, "no_verify_token", "no verify token is configured (TICKWATCH_VERIFY_TOKEN)");
        } else if (token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                verifyToken.getBytes(StandardCharsets.UTF_8))) {
            answers.error(exchange, 403, "bad_verify_token", "hub.verify_token does not match the configured token");
        } else {
            answers.text(exchange, 200, challenge);
        }
    }

    private static String first(Map<String, Deque<String>> q, String name) {
        Deque<String> values = q.get(name);
        return values == null ? null : values.peekFirst();
    }
}
