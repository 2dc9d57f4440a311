package io.tickwatch.ui.settings;

import io.tickwatch.store.ConnectionProbe;
import io.tickwatch.store.JdbcUrls;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The "Test connection" button's work: one probe at a time on the dialog's executor, never on the FX thread,
 * cut off after a deadline (a server that accepts the connection and then says nothing must not leave the
 * button spinning). A result that arrives after the form changed is dropped. Called on the FX thread.
 */
final class ConnectionTest {

    private final ConnectionProbe probe;
    private final Executor executor;
    private final Duration deadline;
    private final StringProperty result = new SimpleStringProperty("");
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final BooleanProperty connected = new SimpleBooleanProperty(false);
    private long generation;

    /** @param deadline how long to wait for the probe as a whole (the driver's own timeouts are shorter) */
    ConnectionTest(ConnectionProbe probe, Executor executor, Duration deadline) {
        this.probe = probe;
        this.executor = executor;
        this.deadline = deadline;
    }

    void run(String url, String user, String password) {
        long mine = ++generation;
        running.set(true);
        connected.set(false);
        String shown = JdbcUrls.redact(url);
        result.set("Testing the connection to " + shown + " …");
        ConnectionProbe.Result late = new ConnectionProbe.Result(false, shown + " did not answer within "
                + deadline.toSeconds() + " s: a wrong address or port, or a firewall in between?");
        CompletableFuture.supplyAsync(() -> probe.probe(url, user, password), executor)
                .completeOnTimeout(late, deadline.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(e -> new ConnectionProbe.Result(false, "The test itself failed: " + e.getMessage()))
                .thenAccept(r -> Platform.runLater(() -> show(mine, r)));
    }

    private void show(long which, ConnectionProbe.Result r) {
        if (which != generation) {
            return;
        }
        running.set(false);
        connected.set(r.connected());
        result.set(r.message());
    }

    /** The form changed: a result about the old values would mislead. */
    void forget() {
        generation++;
        running.set(false);
        connected.set(false);
        result.set("");
    }

    ReadOnlyStringProperty resultProperty() {
        return result;
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    ReadOnlyBooleanProperty connectedProperty() {
        return connected;
    }
}
