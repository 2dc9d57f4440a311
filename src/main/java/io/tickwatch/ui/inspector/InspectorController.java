package io.tickwatch.ui.inspector;

import io.tickwatch.receiver.RequestLog;
import io.tickwatch.ui.common.DisplaySettings;
import io.tickwatch.ui.common.Format;
import java.time.ZoneId;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.VBox;

/**
 * Controller of {@code inspector.fxml}: the list of recent webhook requests (newest first; not sortable,
 * the log's order is the story), the filter, and the selected request's detail with Replay and Copy as
 * curl. Requests refused or answered with an error are marked. FX thread only.
 */
public final class InspectorController {

    private final InspectorViewModel model;
    private final DisplaySettings display;

    @FXML private ComboBox<RequestFilter> requestFilter;
    @FXML private Label requestCount;
    @FXML private TableView<RequestLog.Entry> requestsTable;
    @FXML private TableColumn<RequestLog.Entry, String> timeColumn;
    @FXML private TableColumn<RequestLog.Entry, String> sourceColumn;
    @FXML private TableColumn<RequestLog.Entry, String> formatColumn;
    @FXML private TableColumn<RequestLog.Entry, String> authColumn;
    @FXML private TableColumn<RequestLog.Entry, String> answerColumn;
    @FXML private TableColumn<RequestLog.Entry, String> latencyColumn;
    @FXML private TableColumn<RequestLog.Entry, String> acceptedColumn;
    @FXML private TableColumn<RequestLog.Entry, String> rejectedColumn;
    @FXML private VBox requestDetail;
    @FXML private Label requestTitle;
    @FXML private Label requestSummary;
    @FXML private Button replayButton;
    @FXML private Button copyCurl;
    @FXML private Label actionMessage;
    @FXML private TextArea requestHeaders;
    @FXML private TextArea requestBody;
    @FXML private TextArea rejectedItems;

    private final ChangeListener<ZoneId> zoneChanged = (obs, old, now) -> requestsTable.refresh();

    public InspectorController(InspectorViewModel model, DisplaySettings display) {
        this.model = model;
        this.display = display;
    }

    @FXML
    private void initialize() {
        requestFilter.getItems().setAll(RequestFilter.values());
        requestFilter.valueProperty().bindBidirectional(model.filterProperty());
        requestCount.textProperty().bind(model.countProperty());
        column(timeColumn, e -> Format.dateTime(e.receivedAt(), display.zoneProperty().get()));
        column(sourceColumn, e -> e.source() == null ? "" : e.source());
        column(formatColumn, e -> e.format() == null ? "–" : e.format());
        column(authColumn, e -> e.auth() == null ? "–" : e.auth());
        column(answerColumn, e -> Integer.toString(e.status()));
        column(latencyColumn, e -> InspectorViewModel.latencyText(e.latencyMicros()));
        column(acceptedColumn, e -> Integer.toString(e.accepted()));
        column(rejectedColumn, e -> Integer.toString(e.rejected().size()));
        requestsTable.setItems(model.requests());
        requestsTable.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(RequestLog.Entry e, boolean empty) {
                super.updateItem(e, empty);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("refused"),
                        !empty && e != null && e.status() != 200);
                pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("partial"),
                        !empty && e != null && e.status() == 200 && !e.rejected().isEmpty());
            }
        });
        requestsTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> model.selectedProperty().set(now));

        requestDetail.visibleProperty().bind(model.selectedProperty().isNotNull());
        requestTitle.textProperty().bind(model.titleProperty());
        requestSummary.textProperty().bind(model.summaryProperty());
        requestHeaders.textProperty().bind(model.headersProperty());
        requestBody.textProperty().bind(model.bodyProperty());
        rejectedItems.textProperty().bind(model.rejectedProperty());
        actionMessage.textProperty().bind(model.actionMessageProperty());
        replayButton.disableProperty().bind(model.replayableProperty().not().or(model.replayingProperty()));
        display.zoneProperty().addListener(zoneChanged);
    }

    private static void column(TableColumn<RequestLog.Entry, String> c, Function<RequestLog.Entry, String> text) {
        c.setSortable(false);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
    }

    @FXML
    private void replay() {
        model.replay();
    }

    @FXML
    private void copyAsCurl() {
        model.curlCommand().ifPresent(command -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(command);
            Clipboard.getSystemClipboard().setContent(content);
        });
    }

    public void close() {
        display.zoneProperty().removeListener(zoneChanged);
        model.close();
    }
}
