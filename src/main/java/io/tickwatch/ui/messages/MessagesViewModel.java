package io.tickwatch.ui.messages;

import io.tickwatch.concurrent.ThreadPolicy;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickwatch.export.MessageExport;
import io.tickwatch.live.TimeRange;
import io.tickwatch.model.FunnelStatus;
import io.tickwatch.model.MessageState;
import io.tickwatch.store.DashboardQueries;
import io.tickwatch.store.MessageDetail;
import io.tickwatch.store.MessageFilter;
import io.tickwatch.store.MessageSort;
import io.tickwatch.store.MessageTablePage;
import io.tickwatch.ui.common.LiveRefresh;
import io.tickwatch.ui.common.DisplaySettings;
import io.tickwatch.ui.common.ExportRunner;
import io.tickwatch.ui.common.Format;
import io.tickwatch.ui.common.LatestOnly;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The messages screen's state: filter, sort and page (all answered by SQL on a background executor),
 * the rows of the current page and the selected message's detail. FX thread only; results arrive
 * through {@link LatestOnly}, one {@code runLater} each.
 */
public final class MessagesViewModel {

    public static final int PAGE_SIZE = 100;
    private static final int MAX_BODY_CHARS = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DashboardQueries queries;
    private final DisplaySettings display;
    private final LongSupplier clock;
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<FunnelStatus> status = new SimpleObjectProperty<>();
    private final StringProperty phone = new SimpleStringProperty();
    private final ObservableList<MessageState> rows = FXCollections.observableArrayList();
    private final StringProperty pageLabel = new SimpleStringProperty("");
    private final BooleanProperty hasPrevious = new SimpleBooleanProperty(false);
    private final BooleanProperty hasNext = new SimpleBooleanProperty(false);
    private final ObjectProperty<MessageDetail> detail = new SimpleObjectProperty<>();
    private final ObservableList<TimelineEntry> timeline = FXCollections.observableArrayList();
    private final StringProperty failure = new SimpleStringProperty("");
    private final StringProperty rawBody = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final LatestOnly<MessageTablePage> pages;
    private final LatestOnly<Optional<MessageDetail>> details;
    private final ChangeListener<Object> filterChanged = (obs, old, now) -> firstPage();
    private final ExportRunner export;
    private MessageSort sort = MessageSort.ARRIVAL;
    private boolean descending = true;
    private int offset;
    private long total;
    private String selectedId;
    private final LiveRefresh live;

    public MessagesViewModel(DashboardQueries queries, Executor executor, DisplaySettings display, LongSupplier clock,
                             ThreadPolicy threads) {
        this.export = new ExportRunner("messages", threads);
        this.queries = queries;
        this.display = display;
        this.clock = clock;
        this.pages = new LatestOnly<>(executor, this::showPage, e -> error.set("Cannot read messages: " + e.getMessage()));
        this.details = new LatestOnly<>(executor, this::showDetail, e -> error.set("Cannot read the message: " + e.getMessage()));
        search.addListener(filterChanged);
        status.addListener(filterChanged);
        phone.addListener(filterChanged);
        display.rangeProperty().addListener(filterChanged);
        this.live = new LiveRefresh(clock, 1_000, pages::busy, this::reload);
    }

    public void reload() {
        MessageFilter filter = filter();
        MessageSort s = sort;
        boolean desc = descending;
        int off = offset;
        pages.request(() -> queries.messages(filter, s, desc, off, PAGE_SIZE));
        if (selectedId != null) {
            String id = selectedId;
            details.request(() -> queries.detail(id));
        }
    }

    /** New data arrived in the store: refresh what is shown, at most once a second, and only if shown. */
    public void storeChanged() {
        live.storeChanged();
    }

    /** Whether the messages tab is on screen. */
    public void shown(boolean shown) {
        live.shown(shown);
    }

    private MessageFilter filter() {
        String text = search.get() == null || search.get().isBlank() ? null : search.get().trim();
        TimeRange range = display.rangeProperty().get();
        return new MessageFilter(text, phone.get(), status.get(), range.since(clock.getAsLong()), null);
    }

    private void firstPage() {
        offset = 0;
        reload();
    }

    public void sortBy(MessageSort newSort, boolean newDescending) {
        if (newSort == sort && newDescending == descending) {
            return;
        }
        sort = newSort;
        descending = newDescending;
        firstPage();
    }

    public void nextPage() {
        if (offset + PAGE_SIZE < total) {
            offset += PAGE_SIZE;
            reload();
        }
    }

    public void previousPage() {
        if (offset > 0) {
            offset = Math.max(0, offset - PAGE_SIZE);
            reload();
        }
    }

    /** Drill-down from the phones screen: this phone's messages, other filters cleared. */
    public void showPhone(String phoneNumber) {
        search.set("");
        status.set(null);
        phone.set(phoneNumber);
    }

    public void select(MessageState row) {
        String id = row == null ? null : row.id();
        if (id == null) {
            selectedId = null;
            showDetail(Optional.empty());
            return;
        }
        if (!id.equals(selectedId)) {
            selectedId = id;
            details.request(() -> queries.detail(id));
        }
    }

    public void showBodyOf(TimelineEntry entry) {
        MessageDetail d = detail.get();
        if (d == null || entry == null || entry.requestId() == null) {
            return;
        }
        rawBody.set(pretty(d.requestBodies().get(entry.requestId())));
    }

    private void showPage(MessageTablePage page) {
        error.set("");
        total = page.total();
        rows.setAll(page.rows());
        pageLabel.set(page.total() == 0 ? "No messages match"
                : Format.count(page.offset() + 1L) + "–" + Format.count(page.offset() + (long) page.rows().size())
                + " of " + Format.count(page.total()));
        hasPrevious.set(page.offset() > 0);
        hasNext.set(page.offset() + PAGE_SIZE < page.total());
    }

    private void showDetail(Optional<MessageDetail> d) {
        if (d.isPresent() && !d.get().state().id().equals(selectedId)) {
            return; // an answer for a row no longer selected
        }
        detail.set(d.orElse(null));
        if (d.isEmpty()) {
            timeline.clear();
            failure.set("");
            rawBody.set("");
            return;
        }
        MessageState s = d.get().state();
        timeline.setAll(TimelineEntry.of(d.get()));
        failure.set(s.failed() == null ? "" : "Failed: " + (s.errorCode() == null ? "no error code"
                : s.errorCode() + (s.errorTitle() == null ? "" : " — " + s.errorTitle())));
        TimelineEntry first = timeline.stream().filter(e -> e.requestId() != null).findFirst().orElse(null);
        rawBody.set(first == null ? "" : pretty(d.get().requestBodies().get(first.requestId())));
    }

    private static String pretty(String body) {
        if (body == null) {
            return "(request body not stored)";
        }
        String text;
        try {
            text = JSON.writerWithDefaultPrettyPrinter().writeValueAsString(JSON.readTree(body));
        } catch (IOException | RuntimeException e) {
            text = body; // forms and odd bodies are shown as received
        }
        return text.length() > MAX_BODY_CHARS ? text.substring(0, MAX_BODY_CHARS) + "\n… (truncated)" : text;
    }

    /**
     * Writes every message matching the current filter (not only this page), in the table's order, to a
     * CSV file, on a thread of its own; phones masked when privacy mode is on. The export's progress and
     * outcome show in {@link #export()}; the future completes once that is shown.
     */
    public CompletableFuture<Long> exportCsv(Path target) {
        MessageFilter f = filter();
        MessageSort s = sort;
        boolean desc = descending;
        boolean mask = display.privacyProperty().get();
        return export.start(target, progress -> new MessageExport(queries).write(target, f, s, desc, mask, progress));
    }

    public ExportRunner export() {
        return export;
    }

    public void close() {
        export.close();
        pages.stop();
        details.stop();
        search.removeListener(filterChanged);
        status.removeListener(filterChanged);
        phone.removeListener(filterChanged);
        display.rangeProperty().removeListener(filterChanged);
    }

    public StringProperty searchProperty() { return search; }
    public ObjectProperty<FunnelStatus> statusProperty() { return status; }
    public StringProperty phoneProperty() { return phone; }
    public ObservableList<MessageState> rows() { return rows; }
    public StringProperty pageLabelProperty() { return pageLabel; }
    public BooleanProperty hasPreviousProperty() { return hasPrevious; }
    public BooleanProperty hasNextProperty() { return hasNext; }
    public ObjectProperty<MessageDetail> detailProperty() { return detail; }
    public ObservableList<TimelineEntry> timeline() { return timeline; }
    public StringProperty failureProperty() { return failure; }
    public StringProperty rawBodyProperty() { return rawBody; }
    public StringProperty errorProperty() { return error; }
}
