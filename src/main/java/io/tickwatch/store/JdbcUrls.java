package io.tickwatch.store;

import java.util.regex.Pattern;

/** Adds the settings Tickwatch needs for durability (and H2's statement cache), and hides passwords when a URL is shown. */
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

    private static final Pattern H2_QUERY_CACHE = Pattern.compile("(?i);QUERY_CACHE_SIZE=");

    /**
     * H2 keeps the parsed statements of a session in an LRU cache of 8 by default. A write batch runs nine or
     * more statement texts in the same order every time (requests, the read of the batch's messages with an
     * IN list whose length varies, insert, update, history, status counts, funnel minutes and hours, request
     * counts), so each one evicted the next one needed and every batch parsed all of them again. 64 holds the
     * writer's and the dashboard's statements (store-only runs at 32 statuses per batch: the writer thread's
     * CPU per status fell by about a fifth). A size the user set is kept.
     */
    static String withStatementCache(String jdbcUrl) {
        if (Dialect.of(jdbcUrl) != Dialect.H2 || H2_QUERY_CACHE.matcher(jdbcUrl).find()) {
            return jdbcUrl;
        }
        return jdbcUrl + ";QUERY_CACHE_SIZE=64";
    }

    public static String redact(String jdbcUrl) {
        return PASSWORD.matcher(jdbcUrl).replaceAll("$1***");
    }
}
