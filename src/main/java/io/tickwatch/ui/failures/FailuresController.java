package io.tickwatch.ui.failures;

import io.tickwatch.ui.common.DisplaySettings;
import io.tickwatch.ui.common.Format;
import java.time.ZoneId;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/**
 * Controller of {@code failures.fxml}: the failure reasons table, grouped in SQL, with a phone box to
 * narrow it to one phone. FX thread only.
 */
public final class FailuresController {

    private final FailuresViewModel model;
    private final DisplaySettings display;

    @FXML private TextField failurePhone;
    @FXML private Label phoneMessage;
    @FXML private Label failuresSummary;
    @FXML private TableView<FailureRow> failuresTable;
    @FXML private TableColumn<FailureRow, String> codeColumn;
    @FXML private TableColumn<FailureRow, String> titleColumn;
    @FXML private TableColumn<FailureRow, String> countColumn;
    @FXML private TableColumn<FailureRow, String> shareColumn;
    @FXML private TableColumn<FailureRow, String> lastFailedColumn;
    @FXML private TableColumn<FailureRow, String> explanationColumn;

    private final ChangeListener<ZoneId> zoneChanged = (obs, old, now) -> failuresTable.refresh();

    public FailuresController(FailuresViewModel model, DisplaySettings display) {
        this.model = model;
        this.display = display;
    }

    @FXML
    private void initialize() {
        column(codeColumn, r -> r.reason().errorCode() == null ? "–" : Integer.toString(r.reason().errorCode()));
        column(titleColumn, r -> r.reason().errorTitle() == null ? "" : r.reason().errorTitle());
        column(countColumn, r -> Format.count(r.reason().messages()));
        column(shareColumn, r -> Format.percent(r.share()));
        column(lastFailedColumn, r -> Format.dateTime(r.reason().lastFailed(), display.zoneProperty().get()));
        column(explanationColumn, FailureRow::explanation);
        wrapping(titleColumn);
        wrapping(explanationColumn);
        failuresTable.setItems(model.rows());
        failuresSummary.textProperty().bind(model.summaryProperty());
        phoneMessage.textProperty().bind(model.phoneMessageProperty());
        display.zoneProperty().addListener(zoneChanged);
    }

    private static void column(TableColumn<FailureRow, String> c, Function<FailureRow, String> text) {
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
    }

    /** Long titles and explanations wrap inside their cell (rows grow) instead of being cut. */
    private static void wrapping(TableColumn<FailureRow, String> c) {
        c.setCellFactory(col -> {
            TableCell<FailureRow, String> cell = new TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                }
            };
            cell.setWrapText(true);
            return cell;
        });
    }

    @FXML
    private void applyPhone() {
        model.showPhone(failurePhone.getText());
    }

    @FXML
    private void clearPhone() {
        failurePhone.clear();
        model.showPhone(null);
    }

    public void close() {
        display.zoneProperty().removeListener(zoneChanged);
        model.close();
    }
}
