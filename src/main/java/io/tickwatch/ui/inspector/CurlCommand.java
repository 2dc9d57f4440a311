package io.tickwatch.ui.inspector;

/**
 * A request written as one POSIX shell command line: {@code curl} posting the body byte for byte
 * ({@code --data-binary}) to the webhook URL with the original content type. Every argument is
 * single-quoted ({@code '} becomes {@code '\''}), so nothing in a body or URL is expanded by the shell.
 * A secret is never written: where the receiver wants a signature or token, a placeholder says what
 * to put there. Pure; any thread.
 */
public final class CurlCommand {

    /** The placeholder for a signature: what Meta would send, computed by the person with their app secret. */
    public static final String SIGNATURE_PLACEHOLDER = "sha256=<HMAC-SHA256 of the body with your app secret, hex>";
    public static final String TOKEN_PLACEHOLDER = "<your webhook token>";

    /** What the receiver asks of a sender. */
    public enum Proof { NONE, SIGNATURE, TOKEN }

    private CurlCommand() {
    }

    /** @throws IllegalArgumentException when the body holds a NUL, which no shell argument can carry */
    public static String of(String webhookUrl, String contentType, String body, Proof proof) {
        if (body.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("the body holds a NUL character, which a command line cannot carry");
        }
        StringBuilder b = new StringBuilder("curl -sS -X POST ").append(quote(webhookUrl))
                .append(" -H ").append(quote("Content-Type: " + (contentType == null ? "application/json" : contentType)));
        if (proof == Proof.SIGNATURE) {
            b.append(" -H ").append(quote("X-Hub-Signature-256: " + SIGNATURE_PLACEHOLDER));
        } else if (proof == Proof.TOKEN) {
            b.append(" -H ").append(quote("X-Tickwatch-Token: " + TOKEN_PLACEHOLDER));
        }
        return b.append(" --data-binary ").append(quote(body)).toString();
    }

    /** One shell word: single quotes keep everything literal, newlines included; a quote is closed, escaped, reopened. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
