package io.tickwatch.ui.inspector;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tickwatch.ingest.Rejection;
import io.tickwatch.receiver.RequestLog;
import io.tickwatch.ui.common.DisplaySettings;
import io.tickwatch.ui.common.Format;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The request inspector's state: the recent webhook requests (newest first, at most {@value #MAX_ROWS}),
 * filtered by answer or verdict, and the selected one's headers, body and rejected items, as the screen
 * shows them (phones masked in privacy mode). New requests are picked up from the in-memory
 * {@link RequestLog} once per window tick, all of them in one change. Replays run on the window's
 * executor. FX thread only.
 */
public final class InspectorViewModel {

    public static final int MAX_ROWS = 500;
    /** Numbers stay exact when a body is pretty-printed (1e400 is not shown as Infinity). */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private final RequestLog log;
    private final RequestReplay replay;
    private final Executor executor;
    private final DisplaySettings display;
    private final ObservableList<RequestLog.Entry> requests = FXCollections.observableArrayList();
    private final FilteredList<RequestLog.Entry> shown = new FilteredList<>(requests);
    private final ObjectProperty<RequestFilter> filter = new SimpleObjectProperty<>(RequestFilter.ALL);
    private final ObjectProperty<RequestLog.Entry> selected = new SimpleObjectProperty<>();
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty headers = new SimpleStringProperty("");
    private final StringProperty body = new SimpleStringProperty("");
    private final StringProperty rejected = new SimpleStringProperty("");
    private final StringProperty actionMessage = new SimpleStringProperty("");
    private final BooleanProperty replayable = new SimpleBooleanProperty(false);
    private final BooleanProperty replaying = new SimpleBooleanProperty(false);
    private final StringProperty count = new SimpleStringProperty("No requests yet");
    private final ChangeListener<Boolean> privacyChanged = (obs, old, now) -> showSelected();
    private final ChangeListener<Object> zoneChanged = (obs, old, now) -> showSelected();
    private RequestLog.Entry newestSeen;
    private String prettyBody = "";
    private RequestReplay.Answer lastReplay;
    private long lastReplayOf;
    private boolean closed;

    public InspectorViewModel(RequestLog log, RequestReplay replay, Executor executor, DisplaySettings display) {
        this.log = log;
        this.replay = replay;
        this.executor = executor;
        this.display = display;
        filter.addListener((obs, old, now) -> {
            shown.setPredicate(now == null || now == RequestFilter.ALL ? null : now::test);
            updateCount();
        });
        selected.addListener((obs, old, now) -> select(now));
        display.privacyProperty().addListener(privacyChanged);
        display.zoneProperty().addListener(zoneChanged);
    }

    /** Takes the requests logged since the last call, in one change to the list. Called once per window tick. */
    public void poll() {
        List<RequestLog.Entry> newest = log.recent(1);
        if (newest.isEmpty() || newest.get(0) == newestSeen) {
            return;
        }
        List<RequestLog.Entry> recent = log.recent(MAX_ROWS); // newest first, in the order the log took them
        int fresh = 0;
        while (fresh < recent.size() && recent.get(fresh) != newestSeen) {
            fresh++;
        }
        if (fresh == recent.size()) {
            requests.setAll(recent); // the last one seen has left the log: take what it holds
        } else {
            requests.addAll(0, recent.subList(0, fresh));
            if (requests.size() > MAX_ROWS) {
                requests.remove(MAX_ROWS, requests.size());
            }
        }
        newestSeen = recent.get(0);
        updateCount();
    }

    private void updateCount() {
        count.set(requests.isEmpty() ? "No requests yet"
                : shown.size() == requests.size() ? Format.count(requests.size()) + " recent requests"
                : Format.count(shown.size()) + " of " + Format.count(requests.size()) + " recent requests");
    }

    private void select(RequestLog.Entry e) {
        prettyBody = e == null ? "" : pretty(e.body()) + (e.bodyTruncated() ? "\n… (only the first 64 KiB are kept)" : "");
        lastReplay = null;
        String refusal = e == null ? null : RequestReplay.refusal(e);
        replayable.set(e != null && refusal == null);
        actionMessage.set(refusal == null ? "" : refusal);
        showSelected();
    }

    /** Writes the selected request's texts as the screen shows them now (privacy mode masks phones). */
    private void showSelected() {
        RequestLog.Entry e = selected.get();
        if (e == null) {
            title.set("");
            summary.set("");
            headers.set("");
            body.set("");
            rejected.set("");
            return;
        }
        title.set("#" + e.seq() + "  " + e.method() + " " + display.text(e.uri()) + "  →  " + e.status());
        summary.set(Format.dateTime(e.receivedAt(), display.zoneProperty().get()) + " · from "
                + Optional.ofNullable(e.source()).orElse("?") + " · " + Optional.ofNullable(e.format()).orElse("format not detected")
                + " · signature/token " + Optional.ofNullable(e.auth()).orElse("not checked") + " · "
                + latency(e.latencyMicros()) + " · " + e.accepted() + " accepted, " + e.rejected().size() + " rejected");
        StringBuilder h = new StringBuilder();
        for (Map.Entry<String, String> header : e.headers().entrySet()) {
            h.append(header.getKey()).append(": ").append(display.text(header.getValue())).append('\n');
        }
        headers.set(h.toString());
        body.set(display.body(prettyBody));
        StringBuilder r = new StringBuilder();
        for (Rejection x : e.rejected()) {
            r.append('#').append(x.index()).append("  ").append(x.path()).append(" — ").append(display.text(x.reason()))
                    .append('\n');
            if (x.rawJson() != null && !x.rawJson().isEmpty()) {
                r.append("    ").append(display.body(x.rawJson())).append('\n');
            }
        }
        rejected.set(r.length() == 0 ? "None" : r.toString());
        if (lastReplay != null) {
            showReplay();
        }
    }

    /** Re-posts the selected request to this receiver's webhook URL, off the FX thread; the answer is shown. */
    public void replay() {
        RequestLog.Entry e = selected.get();
        if (e == null || !replayable.get() || replaying.get()) {
            return;
        }
        replaying.set(true);
        actionMessage.set("Replaying #" + e.seq() + "…");
        try {
            executor.execute(() -> {
                RequestReplay.Answer answer = null;
                String failure = null;
                try {
                    answer = replay.send(e);
                } catch (IOException | RuntimeException x) {
                    failure = x.toString();
                } catch (InterruptedException x) {
                    Thread.currentThread().interrupt();
                    failure = "interrupted";
                }
                RequestReplay.Answer a = answer;
                String f = failure;
                Platform.runLater(() -> replayed(e, a, f));
            });
        } catch (RejectedExecutionException closing) {
            replaying.set(false);
        }
    }

    private void replayed(RequestLog.Entry of, RequestReplay.Answer answer, String failure) {
        replaying.set(false);
        if (closed) {
            return;
        }
        if (answer == null) {
            actionMessage.set("Replay of #" + of.seq() + " failed: " + failure);
            return;
        }
        lastReplay = answer;
        lastReplayOf = of.seq();
        showReplay();
    }

    private void showReplay() {
        actionMessage.set("Replay of #" + lastReplayOf + " answered " + lastReplay.status() + ": "
                + display.text(lastReplay.body()) + " — it is listed as a new request.");
    }

    /**
     * The selected request as a {@code curl} command line, or empty with the reason in the action message.
     * In privacy mode there is none: the body's phones would be on the clipboard.
     */
    public Optional<String> curlCommand() {
        RequestLog.Entry e = selected.get();
        if (e == null) {
            return Optional.empty();
        }
        if (display.privacyProperty().get()) {
            actionMessage.set("Privacy mode is on: the body's phone numbers stay off the clipboard. Turn it off to copy.");
            return Optional.empty();
        }
        if (!"POST".equals(e.method()) || e.bodyTruncated()) {
            actionMessage.set(RequestReplay.refusal(e)); // a request refused for its proof can be copied: the person signs it
            return Optional.empty();
        }
        try {
            String command = CurlCommand.of(replay.webhookUrl(), RequestReplay.contentType(e), e.body(), replay.proof());
            actionMessage.set(switch (replay.proof()) {
                case SIGNATURE -> "Copied. This receiver checks signatures: replace the X-Hub-Signature-256 placeholder "
                        + "with sha256= and the HMAC-SHA256 (hex) of the body under your app secret.";
                case TOKEN -> "Copied. This receiver wants its webhook token: replace the X-Tickwatch-Token placeholder.";
                case NONE -> "Copied as curl.";
            });
            return Optional.of(command);
        } catch (IllegalArgumentException x) {
            actionMessage.set("Cannot copy as curl: " + x.getMessage() + ".");
            return Optional.empty();
        }
    }

    private static String latency(long micros) {
        return micros < 1_000 ? String.format(java.util.Locale.ROOT, "%.2f ms", micros / 1000.0)
                : Format.duration(micros / 1_000);
    }

    /** Latency for the table: "0.42 ms", "12 ms", "1.5 s". */
    public static String latencyText(long micros) {
        return latency(micros);
    }

    private static String pretty(String text) {
        if (text == null || text.isEmpty()) {
            return "(no body)";
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(text));
        } catch (IOException | RuntimeException notJson) {
            return text; // forms, broken JSON and cut bodies are shown as received
        }
    }

    public void close() {
        closed = true;
        display.privacyProperty().removeListener(privacyChanged);
        display.zoneProperty().removeListener(zoneChanged);
    }

    public ObservableList<RequestLog.Entry> requests() { return shown; }
    public ObjectProperty<RequestFilter> filterProperty() { return filter; }
    public ObjectProperty<RequestLog.Entry> selectedProperty() { return selected; }
    public ReadOnlyStringProperty titleProperty() { return title; }
    public ReadOnlyStringProperty summaryProperty() { return summary; }
    public ReadOnlyStringProperty headersProperty() { return headers; }
    public ReadOnlyStringProperty bodyProperty() { return body; }
    public ReadOnlyStringProperty rejectedProperty() { return rejected; }
    public ReadOnlyStringProperty actionMessageProperty() { return actionMessage; }
    public ReadOnlyStringProperty countProperty() { return count; }
    public ReadOnlyBooleanProperty replayableProperty() { return replayable; }
    public ReadOnlyBooleanProperty replayingProperty() { return replaying; }
}
