package io.tickwatch.ui.phones;

import io.tickwatch.store.PhoneColumn;
import io.tickwatch.store.PhoneRow;
import io.tickwatch.ui.common.CsvFileChooser;
import io.tickwatch.ui.common.DisplaySettings;
import io.tickwatch.ui.common.Format;
import java.time.ZoneId;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;

/**
 * Controller of {@code phones.fxml}: the per-phone funnel table, sorted by the store; a double-click
 * or "Show messages" drills down to that phone's messages. FX thread only.
 */
public final class PhonesController {

    private final PhonesViewModel model;
    private final DisplaySettings display;

    @FXML private TableView<PhoneRow> phonesTable;
    @FXML private TableColumn<PhoneRow, String> phoneColumn;
    @FXML private TableColumn<PhoneRow, String> messagesColumn;
    @FXML private TableColumn<PhoneRow, String> deliveredColumn;
    @FXML private TableColumn<PhoneRow, String> readColumn;
    @FXML private TableColumn<PhoneRow, String> readRateColumn;
    @FXML private TableColumn<PhoneRow, String> readDelayColumn;
    @FXML private TableColumn<PhoneRow, String> lastActivityColumn;
    @FXML private Label phonesSummary;
    @FXML private Button exportPhones;
    @FXML private Label phonesExportStatus;

    private final ChangeListener<ZoneId> zoneChanged = (obs, old, now) -> phonesTable.refresh();
    private final ChangeListener<Boolean> privacyChanged = (obs, old, now) -> phonesTable.refresh(); // no query
    private final CsvFileChooser chooser = new CsvFileChooser("Export phones to CSV", "tickwatch-phones");

    public PhonesController(PhonesViewModel model, DisplaySettings display) {
        this.model = model;
        this.display = display;
    }

    @FXML
    private void initialize() {
        column(phoneColumn, PhoneColumn.PHONE, r -> display.phone(r.phone()));
        column(messagesColumn, PhoneColumn.MESSAGES, r -> Format.count(r.messages()));
        column(deliveredColumn, PhoneColumn.DELIVERED, r -> Format.count(r.delivered()));
        column(readColumn, PhoneColumn.READ, r -> Format.count(r.read()));
        column(readRateColumn, PhoneColumn.READ_RATE, r -> Format.percent(r.readRate()));
        column(readDelayColumn, PhoneColumn.MEDIAN_READ_DELAY, r -> Format.duration(r.medianReadDelay()));
        column(lastActivityColumn, PhoneColumn.LAST_ACTIVITY,
                r -> Format.dateTime(r.lastActivity(), display.zoneProperty().get()));
        phonesTable.setItems(model.rows());
        phonesTable.setSortPolicy(table -> {
            if (table.getSortOrder().isEmpty()) {
                model.sortBy(PhoneColumn.MESSAGES, true);
            } else {
                TableColumn<PhoneRow, ?> c = table.getSortOrder().get(0);
                model.sortBy((PhoneColumn) c.getUserData(), c.getSortType() == TableColumn.SortType.DESCENDING);
            }
            return true;
        });
        phonesTable.setRowFactory(table -> {
            TableRow<PhoneRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    model.drillDown(row.getItem());
                }
            });
            return row;
        });
        phonesSummary.textProperty().bind(model.summaryProperty());
        display.zoneProperty().addListener(zoneChanged);
        display.privacyProperty().addListener(privacyChanged);
        phonesExportStatus.textProperty().bind(model.export().messageProperty());
        phonesExportStatus.styleProperty().bind(Bindings.when(model.export().failedProperty())
                .then("-fx-text-fill: -color-danger-fg;").otherwise(""));
        exportPhones.disableProperty().bind(model.export().runningProperty());
    }

    @FXML
    private void exportCsv() {
        chooser.choose(exportPhones.getScene().getWindow()).ifPresent(model::exportCsv);
    }

    private static void column(TableColumn<PhoneRow, String> c, PhoneColumn sort, Function<PhoneRow, String> text) {
        c.setUserData(sort);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
    }

    @FXML
    private void showMessagesOfSelected() {
        model.drillDown(phonesTable.getSelectionModel().getSelectedItem());
    }

    public void close() {
        display.zoneProperty().removeListener(zoneChanged);
        display.privacyProperty().removeListener(privacyChanged);
        model.close();
    }
}
