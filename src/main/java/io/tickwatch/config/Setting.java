package io.tickwatch.config;

import java.util.Locale;

/**
 * The configurable settings, each with its one name in three spellings: flag {@code --max-body-bytes},
 * environment {@code TICKWATCH_MAX_BODY_BYTES}, config file key {@code max-body-bytes}.
 */
public enum Setting {
    PORT("8080", "TCP port of the webhook receiver (0 picks a free one)"),
    BIND("127.0.0.1", "address to listen on; 0.0.0.0 for every interface"),
    DB(null, "JDBC URL of the store (default: H2 file ~/.tickwatch/tickwatch)"),
    DB_USER(null, "database user, when not in the JDBC URL"),
    DB_PASSWORD(null, "database password, when not in the JDBC URL"),
    WEBHOOK_PATH("/webhook", "path webhooks are posted to"),
    APP_SECRET(null, "app secret: verify X-Hub-Signature-256 on every webhook"),
    VERIFY_TOKEN(null, "token expected by the GET /webhook verification handshake"),
    API_TOKEN(null, "bearer token for /api and /metrics; without it they answer loopback only"),
    WEBHOOK_TOKEN(null, "shared token for providers that cannot sign (X-Tickwatch-Token header or ?token=)"),
    ALLOWED_SOURCES("", "comma-separated IPs/CIDR ranges allowed to post webhooks; empty allows all"),
    RATE_LIMIT("0", "webhook requests per second allowed per source address; 0 turns the limit off"),
    MAX_CONNECTIONS("1000", "open client connections before new ones are answered 503"),
    CLIENT_TIMEOUT_MS("30000", "a client that sends nothing for this long while sending a request is disconnected"),
    MAX_BODY_BYTES("3145728", "largest webhook body accepted (413 above)"),
    MAX_ITEMS_PER_REQUEST("5000", "most status items in one webhook (413 above)"),
    QUEUE_CAPACITY("100000", "items waiting for the writer before webhooks get 503"),
    MAX_BATCH_ITEMS("5000", "most items written in one group commit"),
    POOL_SIZE("4", "database connections"),
    DEMO("false", "start demo traffic to this receiver at start-up (true/false)"),
    TIME_ZONE("local", "dashboard times: local, UTC or a zone id such as Asia/Kolkata"),
    PRIVACY("false", "privacy mode: mask phone numbers in the dashboard and in exports (true/false)"),
    ALERT_DELIVERY_RATE_MIN("90", "alert when the delivery rate over the last hour is under this percentage"),
    ALERT_UNDELIVERED_COUNT("10", "alert when more than this many messages are sent but undelivered ..."),
    ALERT_UNDELIVERED_MINUTES("10", "... for longer than this many minutes"),
    ALERT_READ_RATE_MIN("50", "alert when the read rate over the last 24 hours is under this percentage"),
    ALERT_DELIVERY_SECONDS_MAX("30", "alert when the average time to deliver over the last hour exceeds this"),
    ALERT_WEBHOOK_ERRORS("5", "alert when more webhook requests than this were refused in the last 5 minutes");

    private final String defaultValue;
    private final String description;

    Setting(String defaultValue, String description) {
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public String environmentVariable() {
        return "TICKWATCH_" + name();
    }

    public String defaultValue() {
        return defaultValue;
    }

    public String description() {
        return description;
    }

    public boolean isSecret() {
        return this == DB_PASSWORD || this == APP_SECRET || this == VERIFY_TOKEN || this == API_TOKEN || this == WEBHOOK_TOKEN;
    }
}
