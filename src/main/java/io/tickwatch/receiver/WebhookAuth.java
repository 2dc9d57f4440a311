package io.tickwatch.receiver;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Deque;

/**
 * Who may post webhooks: with an app secret, requests signed with {@code X-Hub-Signature-256}; with a
 * shared token (for providers that cannot sign), requests carrying it in {@code X-Tickwatch-Token} or
 * the {@code token} query parameter. With both, either proof suffices; with neither, anyone.
 * Comparisons are constant-time.
 */
final class WebhookAuth {

    static final HttpString SIGNATURE = new HttpString("X-Hub-Signature-256");
    static final HttpString TOKEN = new HttpString("X-Tickwatch-Token");

    /** The outcome, as the request log shows it. */
    enum Verdict {
        NOT_REQUIRED("not required"), SIGNATURE_VALID("signature valid"), TOKEN_VALID("token valid"),
        MISSING("missing"), INVALID("invalid");

        final String label;

        Verdict(String label) {
            this.label = label;
        }

        boolean passes() {
            return this == NOT_REQUIRED || this == SIGNATURE_VALID || this == TOKEN_VALID;
        }
    }

    private final SignatureVerifier signatures;
    private final byte[] token;

    WebhookAuth(String appSecret, String webhookToken) {
        this.signatures = appSecret == null ? null : new SignatureVerifier(appSecret);
        this.token = webhookToken == null ? null : webhookToken.getBytes(StandardCharsets.UTF_8);
    }

    Verdict check(HttpServerExchange exchange, byte[] body) {
        if (signatures == null && token == null) {
            return Verdict.NOT_REQUIRED;
        }
        String signature = exchange.getRequestHeaders().getFirst(SIGNATURE);
        String presented = presentedToken(exchange);
        if (signatures != null && signature != null && signatures.verify(body, signature)) {
            return Verdict.SIGNATURE_VALID;
        }
        if (token != null && presented != null
                && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), token)) {
            return Verdict.TOKEN_VALID;
        }
        boolean offeredSomething = (signatures != null && signature != null) || (token != null && presented != null);
        return offeredSomething ? Verdict.INVALID : Verdict.MISSING;
    }

    /** The refusal for a failed verdict: error code and a message saying what is expected. */
    String[] refusal(Verdict verdict) {
        if (signatures != null && token == null) {
            return new String[] {"bad_signature", verdict == Verdict.MISSING
                    ? "X-Hub-Signature-256 is required: an app secret is configured"
                    : "X-Hub-Signature-256 does not match the body signed with the app secret"};
        }
        if (signatures == null) {
            return new String[] {"bad_token", verdict == Verdict.MISSING
                    ? "a webhook token is required (X-Tickwatch-Token header or token query parameter)"
                    : "the webhook token does not match"};
        }
        return new String[] {"unauthenticated", "sign the body (X-Hub-Signature-256) or send the webhook token"};
    }

    private static String presentedToken(HttpServerExchange exchange) {
        String header = exchange.getRequestHeaders().getFirst(TOKEN);
        if (header != null) {
            return header;
        }
        Deque<String> q = exchange.getQueryParameters().get("token");
        return q == null ? null : q.peekFirst();
    }
}
