package io.tickwatch.ui.demo;

import io.tickwatch.demo.DemoConfig;
import java.util.List;
import java.util.Optional;
import javafx.beans.value.ChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.controlsfx.control.PopOver;

/**
 * Controller of {@code demo-toggle.fxml}, in the header: the "Demo traffic" toggle, which reads
 * "Demo · 10 msg/s" while running; a popover to set rate, phones and outcome percentages; and a chip that shows
 * only when the receiver pushed back (retries, refusals). The toggle's state follows the view-model, so a start
 * that fails turns it off again. FX thread only.
 */
public final class DemoToggleController {

    private final DemoTrafficViewModel model;

    @FXML private ToggleButton demoToggle;
    @FXML private Button demoSettings;
    @FXML private Label demoState;
    @FXML private VBox settingsForm;
    @FXML private Spinner<Double> rateSpinner;
    @FXML private Spinner<Integer> phonesSpinner;
    @FXML private Spinner<Integer> failedSpinner;
    @FXML private Spinner<Integer> deliveredSpinner;
    @FXML private Spinner<Integer> readSpinner;
    @FXML private Spinner<Integer> duplicatesSpinner;
    @FXML private Spinner<Integer> outOfOrderSpinner;
    @FXML private Label settingsError;

    private final Tooltip details = new Tooltip();
    private final ChangeListener<Boolean> runningChanged = (obs, old, now) -> demoToggle.setSelected(now);
    private final ChangeListener<String> problemChanged = (obs, old, now) -> showProblem(now);
    private PopOver popOver;

    public DemoToggleController(DemoTrafficViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        demoToggle.setSelected(model.runningProperty().get());
        demoToggle.textProperty().bind(model.labelProperty());
        demoToggle.disableProperty().bind(model.busyProperty());
        details.textProperty().bind(model.summaryProperty());
        demoToggle.setTooltip(details);
        demoSettings.setTooltip(new Tooltip("Demo traffic settings: rate, phones, outcomes"));
        rateSpinner.setValueFactory(new SpinnerValueFactory.DoubleSpinnerValueFactory(0.5, DemoConfig.MAX_RATE, 10, 5));
        phonesSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, DemoConfig.MAX_PHONES, 40, 10));
        for (Spinner<Integer> percent : List.of(failedSpinner, deliveredSpinner, readSpinner, duplicatesSpinner,
                outOfOrderSpinner)) {
            percent.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 100, 0));
        }
        demoState.textProperty().bind(model.noticeProperty());
        demoState.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        demoState.managedProperty().bind(demoState.visibleProperty());
        demoState.setTooltip(details);
        model.runningProperty().addListener(runningChanged);
        model.problemProperty().addListener(problemChanged);
        showProblem(model.problemProperty().get());
    }

    @FXML
    private void toggleDemo() {
        model.toggle();
        demoToggle.setSelected(model.runningProperty().get());
    }

    @FXML
    private void showSettings() {
        if (popOver == null) {
            popOver = new PopOver(settingsForm);
            popOver.setArrowLocation(PopOver.ArrowLocation.TOP_RIGHT);
            popOver.setDetachable(false);
        }
        fill(model.form());
        showError(null);
        popOver.show(demoSettings);
    }

    @FXML
    private void resetSettings() {
        fill(model.defaultForm());
        showError(null);
    }

    @FXML
    private void applySettings() {
        for (Spinner<?> s : new Spinner<?>[] {rateSpinner, phonesSpinner, failedSpinner, deliveredSpinner, readSpinner,
                duplicatesSpinner, outOfOrderSpinner}) {
            s.commitValue(); // a number typed but not confirmed with Enter counts too
        }
        Optional<String> problem = model.apply(new DemoSettingsForm(rateSpinner.getValue(), phonesSpinner.getValue(),
                failedSpinner.getValue(), deliveredSpinner.getValue(), readSpinner.getValue(),
                duplicatesSpinner.getValue(), outOfOrderSpinner.getValue()));
        showError(problem.orElse(null));
        if (problem.isEmpty()) {
            popOver.hide();
        }
    }

    private void fill(DemoSettingsForm f) {
        rateSpinner.getValueFactory().setValue(f.messagesPerSecond());
        phonesSpinner.getValueFactory().setValue(f.phones());
        failedSpinner.getValueFactory().setValue(f.failedPercent());
        deliveredSpinner.getValueFactory().setValue(f.deliveredPercent());
        readSpinner.getValueFactory().setValue(f.readPercent());
        duplicatesSpinner.getValueFactory().setValue(f.duplicatesPercent());
        outOfOrderSpinner.getValueFactory().setValue(f.outOfOrderPercent());
    }

    private void showError(String error) {
        settingsError.setText(error == null ? "" : error);
        settingsError.setVisible(error != null);
        settingsError.setManaged(error != null);
    }

    private void showProblem(String problem) {
        demoState.getStyleClass().remove("chip-bad");
        if (problem != null && !problem.isEmpty()) {
            demoState.getStyleClass().add("chip-bad");
        }
    }

    public void close() {
        model.runningProperty().removeListener(runningChanged);
        model.problemProperty().removeListener(problemChanged);
        if (popOver != null) {
            popOver.hide();
        }
    }
}
