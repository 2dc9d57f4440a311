package io.tickwatch.ui.demo;

import javafx.fxml.FXML;
import javafx.scene.control.Button;

/** Controller of {@code demo-start.fxml}: the empty overview's "Start demo traffic" button. FX thread only. */
public final class DemoStartController {

    private final DemoTrafficViewModel model;

    @FXML private Button startDemo;

    public DemoStartController(DemoTrafficViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        startDemo.disableProperty().bind(model.runningProperty().or(model.busyProperty()));
    }

    @FXML
    private void startDemo() {
        model.start();
    }
}
