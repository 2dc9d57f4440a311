package io.tickwatch.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server the tests use (default 127.0.0.1:5432, user postgres, trust auth; override with
 * TICKWATCH_TEST_PG_ADMIN_URL). Each test gets a database of its own, created here and dropped after it,
 * so engineers running the suite side by side never see each other's rows or notifications.
 */
public final class PostgresServer {

    private static final String ADMIN_URL = System.getenv().getOrDefault("TICKWATCH_TEST_PG_ADMIN_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres&connectTimeout=3&loginTimeout=3");
    /** Databases of crashed runs are recognised by this prefix and their creation time (epoch seconds). */
    private static final String PREFIX = "tickwatch_t_";
    private static final long STALE_SECONDS = 6 * 3600;
    private static final Pattern OURS = Pattern.compile(PREFIX + "([0-9a-z]{6})_[0-9a-f]{8}");

    private static volatile String unreachableBecause;
    private static volatile boolean checked;

    private PostgresServer() {
    }

    /**
     * A per-test assumption: skips the calling test with a clear message when the server is not there,
     * but fails it when CI=true, where the PostgreSQL tests must run. (An abort in @BeforeAll would show
     * as "0 tests", hence per test.)
     */
    public static void assumeAvailable() {
        String problem = problem();
        if (problem == null) {
            return;
        }
        String message = "PostgreSQL is not reachable at " + hostPart() + " (" + problem + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + "; CI=true, so the PostgreSQL tests must run: start it with .ci/ensure-postgres");
        }
        Assumptions.assumeTrue(false, message + "; skipping (run .ci/ensure-postgres to start it)");
    }

    private static synchronized String problem() {
        if (!checked) {
            try (Connection c = DriverManager.getConnection(ADMIN_URL)) {
                unreachableBecause = c.isValid(3) ? null : "connection not valid";
            } catch (SQLException e) {
                unreachableBecause = e.getMessage();
            }
            checked = true;
        }
        return unreachableBecause;
    }

    /** Creates an empty database for one test; close the result to drop it. */
    public static TestDatabase createDatabase() {
        assumeAvailable();
        // base 36: a long digit run would be masked as a phone number in the logs
        String name = PREFIX + Long.toString(System.currentTimeMillis() / 1000, 36) + "_"
                + String.format(Locale.ROOT, "%08x", ThreadLocalRandom.current().nextInt());
        try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement s = c.createStatement()) {
            dropStale(s);
            try {
                // A linguistic collation ("a" < "B") makes the tests prove that tie-breaks use Java's order.
                s.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu "
                        + "ICU_LOCALE 'en-US' LOCALE 'C.UTF-8'");
            } catch (SQLException noIcu) {
                s.execute("CREATE DATABASE " + name + " TEMPLATE template0 ENCODING 'UTF8'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return new TestDatabase(name, databaseUrl(name), () -> drop(name));
    }

    /** JDBC URL of a database on the test server, with the admin URL's parameters. */
    public static String databaseUrl(String database) {
        return ADMIN_URL.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
    }

    /** host:port of the server, for a TCP proxy in front of it. */
    public static String hostPart() {
        return ADMIN_URL.replaceFirst("^jdbc:postgresql://", "").replaceFirst("/.*$", "");
    }

    private static void drop(String name) {
        try (Connection c = DriverManager.getConnection(ADMIN_URL); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + name, e);
        }
    }

    /**
     * Databases left by runs of this suite that crashed hours ago; never a recent one, and never a name
     * this class did not make (others on the server may use the same prefix).
     */
    private static void dropStale(Statement s) throws SQLException {
        long now = System.currentTimeMillis() / 1000;
        List<String> stale = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'tickwatch\\_t\\_%'")) {
            while (rs.next()) {
                Matcher m = OURS.matcher(rs.getString(1));
                if (m.matches() && now - Long.parseLong(m.group(1), 36) > STALE_SECONDS) {
                    stale.add(rs.getString(1));
                }
            }
        }
        for (String name : stale) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
