package io.tickwatch.ui.messages;

import io.tickwatch.model.FunnelStatus;
import io.tickwatch.model.MessageState;
import io.tickwatch.store.MessageDetail;
import io.tickwatch.store.MessageSort;
import io.tickwatch.ui.common.CsvFileChooser;
import io.tickwatch.ui.common.DisplaySettings;
import io.tickwatch.ui.common.Format;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Controller of {@code messages.fxml}: the filter bar, the table (sorted by the store: the sort policy
 * only tells the view-model), paging, and the detail pane (timeline, failure, raw request). FX thread only.
 */
public final class MessagesController {

    private static final List<String> STATUS_CHOICES = List.of("any status", "sent", "delivered", "read", "failed");

    private final MessagesViewModel model;
    private final DisplaySettings display;

    @FXML private TextField messageSearch;
    @FXML private ComboBox<String> statusFilter;
    @FXML private HBox phoneChip;
    @FXML private Label phoneChipLabel;
    @FXML private TableView<MessageState> messagesTable;
    @FXML private TableColumn<MessageState, String> idColumn;
    @FXML private TableColumn<MessageState, String> phoneColumn;
    @FXML private TableColumn<MessageState, String> statusColumn;
    @FXML private TableColumn<MessageState, String> sentColumn;
    @FXML private TableColumn<MessageState, String> deliveredColumn;
    @FXML private TableColumn<MessageState, String> readColumn;
    @FXML private TableColumn<MessageState, String> lastUpdateColumn;
    @FXML private Label pageLabel;
    @FXML private Button previousPage;
    @FXML private Button nextPage;
    @FXML private Label errorLabel;
    @FXML private VBox detailPane;
    @FXML private Label detailTitle;
    @FXML private Label detailSummary;
    @FXML private Label failureLabel;
    @FXML private ListView<TimelineEntry> timeline;
    @FXML private TextArea rawBody;
    @FXML private Button exportMessages;
    @FXML private Label messagesExportStatus;

    private final ChangeListener<ZoneId> zoneChanged = (obs, old, now) -> redrawTimes();
    private final ChangeListener<String> bodyShown = (obs, old, now) -> scrollToSelectedMessage(now);
    private final ChangeListener<MessageDetail> detailChanged = (obs, old, now) -> showSummary(now);
    private final ChangeListener<Boolean> privacyChanged = (obs, old, now) -> redrawPhones();
    private final CsvFileChooser chooser = new CsvFileChooser("Export messages to CSV", "tickwatch-messages");

    public MessagesController(MessagesViewModel model, DisplaySettings display) {
        this.model = model;
        this.display = display;
    }

    @FXML
    private void initialize() {
        messageSearch.textProperty().bindBidirectional(model.searchProperty());
        statusFilter.getItems().setAll(STATUS_CHOICES);
        statusFilter.getSelectionModel().select(0);
        statusFilter.valueProperty().addListener((obs, old, now) -> model.statusProperty().set(
                now == null || now.equals(STATUS_CHOICES.get(0)) ? null : FunnelStatus.of(now).orElse(null)));
        model.statusProperty().addListener((obs, old, now) ->
                statusFilter.setValue(now == null ? STATUS_CHOICES.get(0) : now.wireName()));
        phoneChip.visibleProperty().bind(model.phoneProperty().isNotNull());
        phoneChip.managedProperty().bind(phoneChip.visibleProperty());
        phoneChipLabel.textProperty().bind(Bindings.createStringBinding(
                () -> "Phone " + display.phone(model.phoneProperty().get()), model.phoneProperty(), display.privacyProperty()));

        column(idColumn, MessageSort.ID, s -> s.id());
        column(phoneColumn, MessageSort.PHONE, s -> s.phone() == null ? "" : display.phone(s.phone()));
        column(statusColumn, MessageSort.STATUS, s -> s.currentStatus().map(FunnelStatus::wireName).orElse("other"));
        column(sentColumn, MessageSort.SENT, s -> time(s.sent()));
        column(deliveredColumn, MessageSort.DELIVERED, s -> time(s.delivered()) + (s.deliveredInferred() ? " *" : ""));
        column(readColumn, MessageSort.READ, s -> time(s.read()));
        column(lastUpdateColumn, MessageSort.LAST_UPDATE, s -> time(s.lastReceived()));
        messagesTable.setItems(model.rows());
        messagesTable.setSortPolicy(table -> {
            if (table.getSortOrder().isEmpty()) {
                model.sortBy(MessageSort.ARRIVAL, true);
            } else {
                TableColumn<MessageState, ?> c = table.getSortOrder().get(0);
                model.sortBy((MessageSort) c.getUserData(), c.getSortType() == TableColumn.SortType.DESCENDING);
            }
            return true; // the rows come back sorted from the store
        });
        messagesTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.select(now));

        pageLabel.textProperty().bind(model.pageLabelProperty());
        previousPage.disableProperty().bind(model.hasPreviousProperty().not());
        nextPage.disableProperty().bind(model.hasNextProperty().not());
        errorLabel.textProperty().bind(model.errorProperty());

        detailPane.visibleProperty().bind(model.detailProperty().isNotNull());
        failureLabel.textProperty().bind(Bindings.createStringBinding(
                () -> display.text(model.failureProperty().get()), model.failureProperty(), display.privacyProperty()));
        rawBody.textProperty().bind(Bindings.createStringBinding(
                () -> display.body(model.rawBodyProperty().get()), model.rawBodyProperty(), display.privacyProperty()));
        rawBody.textProperty().addListener(bodyShown);
        timeline.setItems(model.timeline());
        timeline.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(TimelineEntry e, boolean empty) {
                super.updateItem(e, empty);
                setText(empty || e == null ? null : Format.dateTime(e.at(), display.zoneProperty().get()) + "   " + e.describe());
                getStyleClass().remove("inferred");
                if (e != null && e.inferred()) {
                    getStyleClass().add("inferred");
                }
            }
        });
        timeline.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.showBodyOf(now));
        model.detailProperty().addListener(detailChanged);
        display.zoneProperty().addListener(zoneChanged);
        display.privacyProperty().addListener(privacyChanged);
        messagesExportStatus.textProperty().bind(model.export().messageProperty());
        messagesExportStatus.styleProperty().bind(Bindings.when(model.export().failedProperty())
                .then("-fx-text-fill: -color-danger-fg;").otherwise(""));
        exportMessages.disableProperty().bind(model.export().runningProperty());
    }

    private void column(TableColumn<MessageState, String> c, MessageSort sort, Function<MessageState, String> text) {
        c.setUserData(sort);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
    }

    private String time(Long millis) {
        return Format.shortDateTime(millis, display.zoneProperty().get());
    }

    private void showSummary(MessageDetail d) {
        if (d == null) {
            return;
        }
        MessageState s = d.state();
        detailTitle.setText(s.id());
        detailSummary.setText((s.phone() == null ? "no phone" : display.phone(s.phone())) + " · "
                + s.currentStatus().map(FunnelStatus::wireName).orElse("no funnel status") + " · first seen "
                + Format.dateTime(s.firstAt(), display.zoneProperty().get()));
    }

    /** A request may carry many statuses: select this message's first mention so it is in view. */
    private void scrollToSelectedMessage(String body) {
        MessageDetail d = model.detailProperty().get();
        if (d == null || body == null) {
            return;
        }
        String quoted = "\"" + d.state().id() + "\"";
        int at = body.indexOf(quoted);
        if (at >= 0) {
            rawBody.selectRange(at + quoted.length(), at);
        }
    }

    private void redrawTimes() {
        messagesTable.refresh();
        timeline.refresh();
        showSummary(model.detailProperty().get());
    }

    /** Privacy mode switched: the rows and the detail are drawn again from what is loaded, no query. */
    private void redrawPhones() {
        messagesTable.refresh();
        showSummary(model.detailProperty().get());
    }

    @FXML
    private void exportCsv() {
        chooser.choose(exportMessages.getScene().getWindow()).ifPresent(model::exportCsv);
    }

    @FXML
    private void clearPhone() {
        model.phoneProperty().set(null);
    }

    @FXML
    private void showPreviousPage() {
        model.previousPage();
    }

    @FXML
    private void showNextPage() {
        model.nextPage();
    }

    public void close() {
        display.zoneProperty().removeListener(zoneChanged);
        display.privacyProperty().removeListener(privacyChanged);
        model.detailProperty().removeListener(detailChanged);
        model.close();
    }
}
