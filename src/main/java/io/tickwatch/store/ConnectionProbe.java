package io.tickwatch.store;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;

/**
 * "Test connection" for the settings dialog: opens one plain JDBC connection to a store that is not (yet)
 * the running one, reports the server and its version, or says in plain words why it failed (with the
 * driver's own words after it). Never creates anything: a missing H2 file is reported, not made.
 * Blocks for up to the timeout; callers run it off the FX thread.
 */
public final class ConnectionProbe {

    /** The outcome, for a person to read. */
    public record Result(boolean connected, String message) {
    }

    private final int timeoutSeconds;

    /** @param timeoutSeconds how long PostgreSQL may take to accept the connection and log in */
    public ConnectionProbe(int timeoutSeconds) {
        this.timeoutSeconds = timeoutSeconds;
    }

    /** @param user and password may be null: the URL's own (or none) then apply */
    public Result probe(String jdbcUrl, String user, String password) {
        Dialect dialect;
        try {
            dialect = Dialect.of(jdbcUrl);
        } catch (RuntimeException e) {
            return new Result(false, "Not a store URL Tickwatch knows: use jdbc:h2:file:… or jdbc:postgresql://host:5432/database.");
        }
        return dialect == Dialect.H2 ? h2(jdbcUrl, user, password) : postgres(jdbcUrl, user, password);
    }

    private Result h2(String jdbcUrl, String user, String password) {
        Path file = h2File(jdbcUrl);
        if (file != null && !Files.exists(Path.of(file + ".mv.db"))) {
            Path folder = file.toAbsolutePath().getParent();
            Path existing = folder;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
                return new Result(false, "No H2 store at " + file + ", and Tickwatch could not create one there: "
                        + "the folder " + (existing == null ? folder : existing) + " is not writable.");
            }
            return new Result(true, "No H2 store at " + file + " yet: Tickwatch will create one there at the next start.");
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl + ";IFEXISTS=TRUE", credentials(user, password))) {
            return connected(c);
        } catch (SQLException e) {
            return new Result(false, h2Failure(e, file) + "\n(driver: " + driverWords(e) + ")");
        }
    }

    private static String h2Failure(SQLException e, Path file) {
        return switch (e.getErrorCode()) {
            case 90020 -> "The H2 file " + file + " is open in another program (another Tickwatch?): only one process"
                    + " can use an H2 file at a time. Use PostgreSQL to share a store.";
            case 28000 -> "H2 refused the user or password for this file.";
            case 90146 -> "There is no H2 store at " + file + ".";
            case 90048, 90030 -> "The file " + file + " is not an H2 store of this version, or it is damaged.";
            default -> "Could not open the H2 file.";
        };
    }

    private Result postgres(String jdbcUrl, String user, String password) {
        Properties p = credentials(user, password);
        // Defaults only: parameters written in the URL win (pgjdbc reads the URL after these).
        p.setProperty("connectTimeout", Integer.toString(timeoutSeconds));
        p.setProperty("loginTimeout", Integer.toString(timeoutSeconds));
        p.setProperty("socketTimeout", Integer.toString(timeoutSeconds));
        try (Connection c = DriverManager.getConnection(jdbcUrl, p)) {
            return connected(c);
        } catch (SQLException e) {
            return new Result(false, postgresFailure(e, jdbcUrl, user) + "\n(driver: " + driverWords(e) + ")");
        }
    }

    private String postgresFailure(SQLException e, String jdbcUrl, String user) {
        String where = hostAndPort(jdbcUrl);
        Throwable cause = e.getCause();
        if (cause instanceof ConnectException) {
            return "Nothing is listening at " + where + " (connection refused): is PostgreSQL running there, and is the port right?";
        }
        if (cause instanceof UnknownHostException) {
            return "The host in " + where + " is unknown: check the server name in the URL.";
        }
        if (cause instanceof SocketTimeoutException || String.valueOf(e.getMessage()).contains("timed out")) {
            return where + " did not answer within " + timeoutSeconds + " s: a wrong address, or a firewall in between?";
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return switch (state) {
            case "28P01" -> "PostgreSQL refused the password" + (user == null ? "." : " for user '" + user + "'.");
            case "28000" -> "PostgreSQL refused the login (unknown user, or not allowed from this machine).";
            case "3D000" -> "That database does not exist on " + where + ": create it, or fix the name in the URL.";
            case "99999" -> "The URL is not one the PostgreSQL driver understands: use jdbc:postgresql://host:5432/database.";
            default -> state.startsWith("08") ? "Could not reach PostgreSQL at " + where + "."
                    : "PostgreSQL refused the connection.";
        };
    }

    private static Result connected(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        return new Result(true, "Connected: " + meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion());
    }

    private static Properties credentials(String user, String password) {
        Properties p = new Properties();
        if (user != null && !user.isBlank()) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        return p;
    }

    /** The driver's message, with any password in it hidden. */
    private static String driverWords(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return JdbcUrls.redact(m.replaceFirst("\\s*\\[\\d+-\\d+]$", ""));
    }

    /** The file an H2 URL names (H2 adds .mv.db), or null for an in-memory or server URL. */
    static Path h2File(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:h2:".length()).replaceFirst(";.*$", "");
        if (rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:")) {
            return null;
        }
        rest = rest.replaceFirst("^file:", "");
        if (rest.startsWith("~")) {
            rest = System.getProperty("user.home") + rest.substring(1);
        }
        return Path.of(rest);
    }

    private static String hostAndPort(String jdbcUrl) {
        String rest = jdbcUrl.replaceFirst("^jdbc:postgresql://", "");
        int end = rest.indexOf('/');
        String host = end < 0 ? rest.replaceFirst("\\?.*$", "") : rest.substring(0, end);
        return host.isEmpty() ? "localhost:5432" : host.contains(":") ? host : host.toLowerCase(Locale.ROOT) + ":5432";
    }
}
