package io.tickwatch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * DESIGN.md §4 crash safety and §2 secrets: H2 always gets WRITE_DELAY=0 and leaves closing to Tickwatch
 * (DB_CLOSE_ON_EXIT=FALSE); passwords never show.
 */
class JdbcUrlsTest {

    @Test
    void h2AlwaysWritesWithoutDelayWhateverTheUserWrote() {
        assertThat(JdbcUrls.durable("jdbc:h2:file:/data/tw"))
                .isEqualTo("jdbc:h2:file:/data/tw;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
        assertThat(JdbcUrls.durable("jdbc:h2:file:/data/tw;write_delay=500;LOCK_TIMEOUT=100;DB_CLOSE_ON_EXIT=TRUE"))
                .isEqualTo("jdbc:h2:file:/data/tw;LOCK_TIMEOUT=100;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE");
    }

    @Test
    void h2GetsAStatementCacheForTheWritersStatementsUnlessTheUserSetOne() {
        assertThat(JdbcUrls.withStatementCache("jdbc:h2:file:/data/tw;WRITE_DELAY=0"))
                .isEqualTo("jdbc:h2:file:/data/tw;WRITE_DELAY=0;QUERY_CACHE_SIZE=64");
        assertThat(JdbcUrls.withStatementCache("jdbc:h2:file:/data/tw;query_cache_size=16"))
                .isEqualTo("jdbc:h2:file:/data/tw;query_cache_size=16");
        String pg = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
        assertThat(JdbcUrls.withStatementCache(pg)).isEqualTo(pg);
    }

    @Test
    void postgresqlUrlsAreLeftAsGiven() {
        String url = "jdbc:postgresql://127.0.0.1:5432/test?user=postgres";
        assertThat(JdbcUrls.durable(url)).isEqualTo(url);
    }

    @Test
    void otherDatabasesAreRefused() {
        assertThatThrownBy(() -> JdbcUrls.durable("jdbc:mysql://h/db")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void passwordsAreRedacted() {
        assertThat(JdbcUrls.redact("jdbc:postgresql://h/db?user=u&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
        assertThat(JdbcUrls.redact("jdbc:h2:file:/x;USER=sa;PASSWORD=s3cret")).isEqualTo("jdbc:h2:file:/x;USER=sa;PASSWORD=***");
    }
}
