package io.tickwatch.ui.inspector;

import io.tickwatch.demo.WebhookTarget;
import io.tickwatch.receiver.RequestLog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Posts a logged request's body again to this application's own webhook URL, over real HTTP, so it
 * takes exactly the path a provider's request takes (and shows up in the log as a new request).
 * The log keeps no signature or token (they are redacted), so a replay proves itself with this
 * receiver's own secret: signed with the app secret, or carrying the webhook token. For that reason a
 * request that was refused for its signature or token is never replayed: re-signing it would vouch for
 * a body nobody signed. {@link #send} blocks: call it off the FX thread.
 */
public final class RequestReplay {

    /** Marks a replay in the headers the inspector shows; its value is the original's log number. */
    public static final String REPLAY_HEADER = "X-Tickwatch-Replay-Of";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** What the receiver answered. */
    public record Answer(int status, String body) {
    }

    /** Read at each use: the settings dialog can move the receiver or change its proofs while we run. */
    private final Supplier<WebhookTarget> target;
    private HttpClient http;

    /** @param appSecret and {@code webhookToken}: this receiver's own, null when not configured */
    public RequestReplay(String webhookUrl, String appSecret, String webhookToken) {
        this(() -> new WebhookTarget(URI.create(webhookUrl), appSecret, webhookToken));
    }

    /** @param target where this receiver listens now, with its own proofs */
    public RequestReplay(Supplier<WebhookTarget> target) {
        this.target = target;
    }

    public String webhookUrl() {
        return target.get().url().toString();
    }

    /** What a sender must add for this receiver to accept its request (for a {@code curl} line). */
    public CurlCommand.Proof proof() {
        WebhookTarget t = target.get();
        return t.appSecret() != null ? CurlCommand.Proof.SIGNATURE
                : t.webhookToken() != null ? CurlCommand.Proof.TOKEN : CurlCommand.Proof.NONE;
    }

    /** Why this request cannot be replayed, or null when it can. */
    public static String refusal(RequestLog.Entry e) {
        if (!"POST".equals(e.method())) {
            return "Only POST requests can be replayed (this was " + e.method() + ").";
        }
        if (e.bodyTruncated()) {
            return "Only the first 64 KiB of this body were kept: it cannot be replayed or copied whole.";
        }
        if (RequestFilter.authRefused(e)) {
            return "Refused for its signature or token: a replay would vouch for a body nobody signed.";
        }
        return null;
    }

    /** The original's content type, as the request log shows its headers; null when it had none. */
    public static String contentType(RequestLog.Entry e) {
        for (Map.Entry<String, String> h : e.headers().entrySet()) {
            if (h.getKey().toLowerCase(Locale.ROOT).equals("content-type")) {
                return h.getValue();
            }
        }
        return null;
    }

    public Answer send(RequestLog.Entry e) throws IOException, InterruptedException {
        String refusal = refusal(e);
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
        byte[] body = e.body().getBytes(StandardCharsets.UTF_8);
        String type = contentType(e);
        WebhookTarget t = target.get();
        String appSecret = t.appSecret();
        String webhookToken = t.webhookToken();
        HttpRequest.Builder request = HttpRequest.newBuilder(t.url()).timeout(TIMEOUT)
                .header("Content-Type", type == null ? "application/json" : type)
                .header(REPLAY_HEADER, Long.toString(e.seq()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (appSecret != null) {
            request.header("X-Hub-Signature-256", "sha256=" + hmacSha256(appSecret, body));
        } else if (webhookToken != null) {
            request.header("X-Tickwatch-Token", webhookToken);
        }
        HttpResponse<String> answer = client().send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(answer.statusCode(), answer.body());
    }

    private synchronized HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).build();
        }
        return http;
    }

    static String hmacSha256(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
