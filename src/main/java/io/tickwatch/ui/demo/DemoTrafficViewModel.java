package io.tickwatch.ui.demo;

import io.tickwatch.demo.DemoConfig;
import io.tickwatch.demo.DemoStats;
import io.tickwatch.demo.DemoTraffic;
import io.tickwatch.ui.common.Format;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo traffic as the dashboard shows it: the toggle's words ("Demo traffic" when off, "Demo · 10 msg/s" while
 * running), a notice when the receiver pushed back (retries, refusals) and a summary for the tooltip. Starting and stopping run on a thread of their own (stopping waits for answers under way), never
 * on the FX thread; {@link #refresh()} reads the simulator's counters once per window tick. FX thread only.
 */
public final class DemoTrafficViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(DemoTrafficViewModel.class);
    static final String OFF = "Demo traffic";

    private final DemoTraffic demo;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tickwatch-ui-demo");
        t.setDaemon(true);
        return t;
    });
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final StringProperty label = new SimpleStringProperty(OFF);
    private final StringProperty notice = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private String failure; // why the last start or stop failed; kept until the next one succeeds

    public DemoTrafficViewModel(DemoTraffic demo) {
        this.demo = demo;
        refresh();
    }

    /** The header button: start when stopped, stop when running. */
    public void toggle() {
        if (running.get()) {
            stop();
        } else {
            start();
        }
    }

    /** Starts with the last configuration (the defaults at first). */
    public void start() {
        start(demo.config());
    }

    /** Starts, or restarts with {@code config} when running. */
    public void start(DemoConfig config) {
        change(true, () -> demo.start(config));
    }

    public void stop() {
        change(false, demo::stop);
    }

    private void change(boolean run, Runnable action) {
        if (busy.get()) {
            return;
        }
        busy.set(true);
        running.set(run); // the button follows the click at once; refresh() corrects it if the change failed
        worker.execute(() -> {
            String error = null;
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warn("Could not {} demo traffic", run ? "start" : "stop", e);
                error = "Demo traffic could not " + (run ? "start" : "stop") + ": " + e.getMessage();
            }
            String outcome = error;
            Platform.runLater(() -> {
                busy.set(false);
                failure = outcome;
                refresh();
            });
        });
    }

    /** Re-reads the simulator's counters (cheap sums, no IO). */
    public void refresh() {
        DemoStats s = demo.stats();
        if (!busy.get()) {
            running.set(s.running());
        }
        label.set(running.get() ? "Demo · " + rate(s.messagesPerSecond()) + " msg/s" : OFF);
        notice.set(failure != null ? "failed" : notice(s));
        summary.set(summary(s, running.get()) + (failure == null ? "" : "\n" + failure));
        problem.set(failure != null ? failure : s.lastProblem() == null ? "" : s.lastProblem());
    }

    /** Only what needs attention: the receiver refused demo webhooks, or asked to retry. */
    static String notice(DemoStats s) {
        if (s.refused() > 0) {
            return Format.count(s.refused()) + " refused";
        }
        return s.retried() > 0 ? Format.count(s.retried()) + " retried" : "";
    }

    static String summary(DemoStats s, boolean running) {
        String what = running ? "Click to stop demo traffic." : "Start simulated provider webhooks to this receiver.";
        if (s.requests() == 0 && s.messages() == 0) {
            return what;
        }
        return what + "\n" + (running ? "So far: " : "Last run: ") + Format.count(s.messages()) + " messages, "
                + Format.count(s.acknowledged()) + " webhooks accepted, " + Format.count(s.retried()) + " retried, "
                + Format.count(s.refused()) + " refused"
                + (s.lastProblem() == null ? "" : "\nLast problem: " + s.lastProblem());
    }

    private static String rate(double r) {
        return r == Math.rint(r) ? Long.toString((long) r) : String.format(Locale.ROOT, "%.1f", r);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** The toggle's text. */
    public ReadOnlyStringProperty labelProperty() {
        return label;
    }

    /** Retries or refusals worth a look; empty when all is well. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice;
    }

    /** Counts for the tooltip. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    /** The latest refusal or failure ("HTTP 401 from …"), empty when none. */
    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    public DemoConfig config() {
        return demo.config();
    }

    /** The popover's values for the current configuration. */
    DemoSettingsForm form() {
        return DemoSettingsForm.of(demo.config());
    }

    /** The popover's values for the defaults. */
    DemoSettingsForm defaultForm() {
        return DemoSettingsForm.of(DemoConfig.defaults());
    }

    /** Starts (or restarts) with the popover's values; the reason they cannot be used, if so. */
    Optional<String> apply(DemoSettingsForm form) {
        Optional<String> problem = form.problem(demo.config());
        if (problem.isEmpty()) {
            start(form.applyTo(demo.config()));
        }
        return problem;
    }

    /** The window closed: no more work; a running demo goes on until the application stops. */
    public void close() {
        worker.shutdown();
    }
}
