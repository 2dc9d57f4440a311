package io.tickwatch.store;

import java.util.regex.Pattern;

/** Adds the settings Tickwatch needs for durability, and hides passwords when a URL is shown. */
public final class JdbcUrls {

    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^;&]*");
    private static final Pattern H2_OVERRIDDEN = Pattern.compile("(?i);(WRITE_DELAY|DB_CLOSE_ON_EXIT)=[^;]*");

    private JdbcUrls() {
    }

    /**
     * H2 delays writes by default and lost 10–30 thousand acknowledged rows per kill -9 on these
     * machines: force WRITE_DELAY=0 whatever the user wrote, so a commit reaches the file before we ack.
     * H2 also closes the database from its own shutdown hook, racing ours on SIGTERM and failing the
     * last commits: DB_CLOSE_ON_EXIT=FALSE leaves closing to Tickwatch, after the queue is drained.
     */
    public static String durable(String jdbcUrl) {
        if (Dialect.of(jdbcUrl) != Dialect.H2) {
            return jdbcUrl;
        }
        return H2_OVERRIDDEN.matcher(jdbcUrl).replaceAll("") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    public static String redact(String jdbcUrl) {
        return PASSWORD.matcher(jdbcUrl).replaceAll("$1***");
    }
}
