package io.tickwatch.demo;

import java.net.URI;

/**
 * Where simulated or replayed webhooks go, and the proofs that receiver asks for: the app secret signs
 * every body ({@code X-Hub-Signature-256}), the webhook token goes in {@code X-Tickwatch-Token}. Either may be
 * null. {@link #toString()} never shows them.
 */
public record WebhookTarget(URI url, String appSecret, String webhookToken) {

    public WebhookTarget {
        if (url == null || url.getScheme() == null || !url.getScheme().matches("(?i)https?") || url.getHost() == null) {
            throw new IllegalArgumentException("the webhook URL must be an http:// or https:// URL with a host, got " + url);
        }
    }

    @Override
    public String toString() {
        return "WebhookTarget[url=" + url + ", appSecret=" + (appSecret == null ? "unset" : "set")
                + ", webhookToken=" + (webhookToken == null ? "unset" : "set") + "]";
    }
}
