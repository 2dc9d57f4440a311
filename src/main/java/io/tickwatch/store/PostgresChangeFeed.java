package io.tickwatch.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LISTENs for {@link ChangeNotices#CHANNEL} on a connection of its own (a pooled one would be handed to
 * others, and LISTEN belongs to a session), on one daemon thread. When the connection drops it reconnects
 * every second and tells the listener that it may have missed notices.
 */
final class PostgresChangeFeed implements ChangeFeed {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresChangeFeed.class);
    /** How long one wait for notices blocks: also how quickly close() is noticed. */
    private static final int POLL_MILLIS = 250;
    private static final long RECONNECT_MILLIS = 1_000;
    /**
     * Waiting for notices sends nothing to the server, so a connection dropped silently (NAT, firewall)
     * would look alive forever: a query this often makes such a loss show, with the socket timeout below.
     */
    private static final long HEARTBEAT_MILLIS = 10_000;

    private final String jdbcUrl;
    private final String description;
    private final String user;
    private final String password;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread thread;

    PostgresChangeFeed(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.description = JdbcUrls.redact(jdbcUrl);
    }

    @Override
    public synchronized void start(Listener listener) {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        running = true;
        thread = new Thread(() -> run(listener), "tickwatch-change-feed");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(Listener listener) {
        boolean warned = false;
        while (running) {
            try (Connection c = DriverManager.getConnection(jdbcUrl, connectionProperties())) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + ChangeNotices.CHANNEL);
                }
                listening = true;
                if (warned) {
                    LOG.info("Listening for changes again on {}", description);
                    warned = false;
                }
                listener.missedSome(); // whatever happened before LISTEN is not coming
                PGConnection pg = c.unwrap(PGConnection.class);
                long lastHeartbeat = System.currentTimeMillis();
                while (running) {
                    PGNotification[] notices = pg.getNotifications(POLL_MILLIS);
                    if (notices != null && notices.length > 0) {
                        listener.changed(ids(notices));
                    }
                    if (System.currentTimeMillis() - lastHeartbeat >= HEARTBEAT_MILLIS) {
                        try (Statement s = c.createStatement()) {
                            s.execute("SELECT 1");
                        }
                        lastHeartbeat = System.currentTimeMillis();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running) {
                    return;
                }
                if (!warned) {
                    LOG.warn("Change feed lost its connection ({}); retrying every second, live views reconcile "
                            + "from the store meanwhile", e.toString());
                    warned = true;
                }
                pause();
            }
        }
        listening = false;
    }

    /** Defaults only: parameters in the user's URL win over these. */
    private Properties connectionProperties() {
        Properties p = new Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        p.setProperty("socketTimeout", "30");
        p.setProperty("tcpKeepAlive", "true");
        p.setProperty("ApplicationName", "tickwatch change feed");
        return p;
    }

    private static Set<String> ids(PGNotification[] notices) {
        Set<String> ids = new LinkedHashSet<>();
        for (PGNotification n : notices) {
            try {
                ids.addAll(ChangeNotices.ids(n.getParameter()));
            } catch (IllegalArgumentException e) {
                LOG.debug("Ignoring a foreign notice on {}: {}", ChangeNotices.CHANNEL, e.getMessage());
            }
        }
        return ids;
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public boolean isListening() {
        return listening;
    }

    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
