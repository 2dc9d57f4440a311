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

    /**
     * @param jdbcUrl   {@code jdbc:h2:…} or {@code jdbc:postgresql:…}; durability settings are added here
     * @param poolSize  connections: the writer holds one per batch, API readers share the rest
     */
    public static JdbcStatusStore open(String jdbcUrl, int poolSize) {
        Dialect dialect = Dialect.of(jdbcUrl);
        String url = JdbcUrls.durable(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("tickwatch-db");
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(1);
        // Fail fast while the database is away: the writer answers 503 and the provider retries.
        config.setConnectionTimeout(1_000);
        config.setValidationTimeout(1_000);
        config.setInitializationFailTimeout(-1);
        // A connection the driver declares unusable (H2 "database is already closed", 90121/90098, is not
        // in HikariCP's list of broken-connection states) must leave the pool: otherwise a connection
        // reused within HikariCP's 500 ms validation bypass keeps failing after the database is back.
        config.setExceptionOverride(new EvictUnusableConnections());
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:sql/common", "classpath:sql/{vendor}")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
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
}
