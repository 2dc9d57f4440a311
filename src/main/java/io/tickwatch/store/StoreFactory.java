package io.tickwatch.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens a store from a JDBC URL: pool, migrations, dialect. The only place that knows HikariCP and Flyway. */
public final class StoreFactory {

    private static final Logger LOG = LoggerFactory.getLogger(StoreFactory.class);

    private StoreFactory() {
    }

    private static final long CONNECTION_TIMEOUT_MILLIS = 500;

    /**
     * @param jdbcUrl   {@code jdbc:h2:…} or {@code jdbc:postgresql:…}; durability settings are added here
     * @param poolSize  connections: the writer holds one per batch, API readers share the rest
     */
    public static JdbcStatusStore open(String jdbcUrl, int poolSize) {
        return open(jdbcUrl, null, null, poolSize);
    }

    /** As {@link #open(String, int)}, with a user and password kept out of the URL (null: the URL's own). */
    public static JdbcStatusStore open(String jdbcUrl, String user, String password, int poolSize) {
        Dialect dialect = Dialect.of(jdbcUrl);
        String url = JdbcUrls.withStatementCache(JdbcUrls.durable(jdbcUrl));
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setPoolName("tickwatch-db");
        // Flyway holds two connections while it migrates PostgreSQL (one keeps its advisory lock): a pool of
        // one timed out at start-up. Two is also the least that lets API reads pass a busy writer.
        config.setMaximumPoolSize(Math.max(2, poolSize));
        config.setMinimumIdle(1);
        // Fail fast while the database is away: the writer answers 503 and the provider retries. The first
        // batch after an outage begins waits this long for a connection the pool cannot make; at 1 s its
        // webhooks were answered after just over a second, so half of that (Hikari's floor is 250 ms).
        config.setConnectionTimeout(CONNECTION_TIMEOUT_MILLIS);
        config.setValidationTimeout(250);
        config.setInitializationFailTimeout(-1);
        // A connection the driver declares unusable (H2 "database is already closed", 90121/90098, is not
        // in HikariCP's list of broken-connection states) must leave the pool: otherwise a connection
        // reused within HikariCP's 500 ms validation bypass keeps failing after the database is back.
        config.setExceptionOverride(new EvictUnusableConnections());
        if (dialect == Dialect.POSTGRESQL) {
            // pgjdbc sends a JDBC batch as one multi-row statement: 1.5-2.5x the store's write rate here (5000-status
            // batches). Safe because every batch is folded first, so no statement touches a row twice. A
            // setting in the URL still wins.
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            // A database that vanishes without closing the connection (network cut, VM frozen) would leave the
            // writer blocked on a socket read for the kernel's retransmission timeout, ~15 minutes; a batch or
            // a page of the API takes well under a second.
            config.addDataSourceProperty("socketTimeout", "30");
            config.addDataSourceProperty("tcpKeepAlive", "true");
        }
        // At start-up the first connection may open (or create) the H2 file in a cold JVM on a busy machine:
        // that took over 500 ms here and the start failed on the pool's timeout. So the first connection is
        // made directly, without one, and held while the pool opens and Flyway migrates (H2 stays open).
        // An unreachable PostgreSQL still fails at once (connection refused).
        java.sql.Connection first;
        try {
            java.util.Properties credentials = new java.util.Properties();
            if (user != null) {
                credentials.setProperty("user", user);
            }
            if (password != null) {
                credentials.setProperty("password", password);
            }
            first = java.sql.DriverManager.getConnection(url, credentials);
        } catch (java.sql.SQLException e) {
            throw new StoreException("could not open the database at " + JdbcUrls.redact(jdbcUrl) + ": " + e.getMessage(), e);
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        try (java.sql.Connection held = first) {
            Flyway.configure()
                    .dataSource(dataSource)
                    // Flyway itself does not expand "{vendor}" (Spring Boot does): name the folder ourselves
                    .locations("classpath:sql/common", "classpath:sql/" + dialect.migrationFolder())
                    .load()
                    .migrate();
        } catch (RuntimeException | java.sql.SQLException e) {
            dataSource.close();
            throw new StoreException("could not prepare the database at " + JdbcUrls.redact(jdbcUrl)
                    + ": " + e.getMessage(), e);
        }
        String description = (dialect == Dialect.H2 ? "H2 " : "PostgreSQL ") + JdbcUrls.redact(jdbcUrl);
        LOG.info("Store ready: {}", description);
        return new JdbcStatusStore(dataSource, dialect, description, dataSource);
    }

    /** Evicts a connection whenever the driver says it cannot be used again (JDBC's non-transient connection errors). */
    private static final class EvictUnusableConnections implements SQLExceptionOverride {
        @java.lang.Override
        public SQLExceptionOverride.Override adjudicate(SQLException e) {
            return e instanceof SQLNonTransientConnectionException
                    ? SQLExceptionOverride.Override.MUST_EVICT : SQLExceptionOverride.Override.CONTINUE_EVICT;
        }
    }

    /**
     * Changes committed by every process writing to this database: LISTEN/NOTIFY on PostgreSQL, nothing on
     * H2 (one process owns the file; its own commits reach live views directly). Not started yet.
     */
    public static ChangeFeed changeFeed(String jdbcUrl) {
        return changeFeed(jdbcUrl, null, null);
    }

    public static ChangeFeed changeFeed(String jdbcUrl, String user, String password) {
        return Dialect.of(jdbcUrl) == Dialect.POSTGRESQL ? new PostgresChangeFeed(jdbcUrl, user, password)
                : ChangeFeed.NONE;
    }
}
