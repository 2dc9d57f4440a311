package io.tickwatch.config;

import java.util.List;

/**
 * Every setting of a running Tickwatch, resolved (flag > environment > file > default) and checked.
 * Secrets are null when not configured; {@link #toString()} never shows them. {@link #origin()} tells
 * which config file they were read from and which values a flag or the environment fixed.
 */
public record Settings(boolean headless, String bind, int port, String db,
                       String appSecret, String verifyToken, String apiToken, String webhookToken,
                       List<Cidr> allowedSources, int rateLimit, int maxConnections, int clientTimeoutMillis,
                       long maxBodyBytes, int maxItemsPerRequest, int queueCapacity, int maxBatchItems,
                       int poolSize, String webhookPath, String dbUser, String dbPassword, boolean demo,
                       String timeZone, boolean privacy, AlertThresholds alerts, SettingsOrigin origin) {

    @Override
    public String toString() {
        return "Settings[headless=" + headless + ", bind=" + bind + ", port=" + port + ", db="
                + io.tickwatch.store.JdbcUrls.redact(db) + ", appSecret=" + shown(appSecret) + ", verifyToken="
                + shown(verifyToken) + ", apiToken=" + shown(apiToken) + ", webhookToken=" + shown(webhookToken)
                + ", allowedSources=" + allowedSources + ", rateLimit=" + rateLimit + ", maxConnections=" + maxConnections + ", clientTimeoutMillis=" + clientTimeoutMillis
                + ", maxBodyBytes=" + maxBodyBytes
                + ", maxItemsPerRequest=" + maxItemsPerRequest + ", queueCapacity=" + queueCapacity
                + ", maxBatchItems=" + maxBatchItems + ", poolSize=" + poolSize + ", webhookPath=" + webhookPath
                + ", dbUser=" + dbUser + ", dbPassword=" + shown(dbPassword) + ", demo=" + demo
                + ", timeZone=" + timeZone + ", privacy=" + privacy + ", alerts=" + alerts + ", origin=" + origin + "]";
    }

    private static String shown(String secret) {
        return secret == null ? "unset" : "set";
    }
}
