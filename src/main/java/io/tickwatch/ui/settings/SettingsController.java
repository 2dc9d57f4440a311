package io.tickwatch.ui.settings;

import io.tickwatch.config.Setting;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanExpression;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * Controller of {@code settings.fxml}: binds each {@link SettingRow} to its {@link SettingField}, the store
 * choice to the {@link StoreForm}, marks tabs that hold a problem, and turns buttons into view-model calls.
 * Every binding is between this dialog's own nodes and its own view-model, so closing the dialog frees both.
 * FX thread only.
 */
public final class SettingsController {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final SettingsViewModel model;
    private final Runnable closer;

    @FXML private Label configFile;
    @FXML private TabPane sections;
    @FXML private ToggleGroup storeKind;
    @FXML private RadioButton h2Choice;
    @FXML private RadioButton postgresChoice;
    @FXML private VBox h2Pane;
    @FXML private VBox postgresPane;
    @FXML private TextField h2Path;
    @FXML private Button browseH2;
    @FXML private TextField postgresUrl;
    @FXML private Label dbMessage;
    @FXML private Button testConnection;
    @FXML private Label connectionResult;
    @FXML private Label storeNote;
    @FXML private ListView<String> zoneList;
    @FXML private CheckBox privacy;
    @FXML private Label privacyMessage;
    @FXML private Label otherProblems;
    @FXML private Label status;
    @FXML private Button saveButton;

    /** @param closer closes the dialog's window */
    public SettingsController(SettingsViewModel model, Runnable closer) {
        this.model = model;
        this.closer = closer;
    }

    @FXML
    private void initialize() {
        configFile.setText("Saved to " + model.configFile() + " (readable by you only). A value set by a flag or"
                + " an environment variable wins over this file and cannot be edited here.");
        for (Tab tab : sections.getTabs()) {
            List<SettingRow> rows = rowsIn(tab.getContent(), new ArrayList<>());
            rows.forEach(this::bind);
            markProblems(tab, rows);
        }
        bindStore();
        bindDisplay();
        otherProblems.textProperty().bind(model.otherProblemsProperty());
        otherProblems.managedProperty().bind(otherProblems.textProperty().isNotEmpty());
        otherProblems.pseudoClassStateChanged(INVALID, true);
        status.textProperty().bind(model.statusProperty());
        saveButton.disableProperty().bind(model.canSaveProperty().not());
    }

    private static List<SettingRow> rowsIn(Node node, List<SettingRow> found) {
        if (node instanceof SettingRow row) {
            found.add(row);
        } else if (node instanceof Parent p) {
            p.getChildrenUnmodifiable().forEach(child -> rowsIn(child, found));
        }
        return found;
    }

    private SettingField fieldOf(Setting s) {
        return s == Setting.DB_USER ? model.store().user() : s == Setting.DB_PASSWORD ? model.store().password() : model.field(s);
    }

    private void bind(SettingRow row) {
        SettingField f = fieldOf(row.getSetting());
        row.input().textProperty().bindBidirectional(f.textProperty());
        row.input().promptTextProperty().bind(f.promptProperty());
        row.input().disableProperty().bind(f.fixedProperty().or(model.loadedProperty().not()));
        row.message().textProperty().bind(f.problemProperty());
        f.invalidProperty().addListener((obs, old, now) -> {
            row.message().pseudoClassStateChanged(INVALID, now);
            row.input().pseudoClassStateChanged(atlantafx.base.theme.Styles.STATE_DANGER, now);
        });
        if (row.clear() != null) {
            row.clear().selectedProperty().bindBidirectional(f.clearProperty());
            row.clear().disableProperty().bind(f.fixedProperty().or(f.storedInFileProperty().not()));
        }
    }

    /** A tab with a problem says so in its title, so a problem on a hidden tab is not a mystery. */
    private void markProblems(Tab tab, List<SettingRow> rows) {
        String title = tab.getText();
        BooleanExpression bad = BooleanExpression.booleanExpression(Bindings.createBooleanBinding(() -> false));
        for (SettingRow row : rows) {
            bad = bad.or(fieldOf(row.getSetting()).invalidProperty());
        }
        if (tab.getId().equals("storeTab")) {
            bad = bad.or(model.storeUrlInvalidProperty());
        }
        if (tab.getId().equals("displayTab")) {
            bad = bad.or(model.field(Setting.PRIVACY).invalidProperty());
        }
        tab.textProperty().bind(Bindings.when(bad).then(title + " (!)").otherwise(title));
    }

    private void bindStore() {
        StoreForm store = model.store();
        h2Choice.setUserData(StoreForm.Kind.H2);
        postgresChoice.setUserData(StoreForm.Kind.POSTGRESQL);
        storeKind.selectToggle(store.kindProperty().get() == StoreForm.Kind.H2 ? h2Choice : postgresChoice);
        store.kindProperty().addListener((obs, old, now) -> storeKind.selectToggle(now == StoreForm.Kind.H2 ? h2Choice : postgresChoice));
        storeKind.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null) {
                storeKind.selectToggle(old); // one kind is always chosen
            } else {
                store.kindProperty().set((StoreForm.Kind) now.getUserData());
            }
        });
        BooleanExpression h2 = store.kindProperty().isEqualTo(StoreForm.Kind.H2);
        h2Pane.visibleProperty().bind(h2);
        h2Pane.managedProperty().bind(h2);
        postgresPane.visibleProperty().bind(h2.not());
        postgresPane.managedProperty().bind(h2.not());
        BooleanExpression locked = store.fixedProperty().or(model.loadedProperty().not());
        for (Node n : List.of(h2Choice, postgresChoice, h2Path, browseH2, postgresUrl)) {
            n.disableProperty().bind(locked);
        }
        h2Path.textProperty().bindBidirectional(store.h2PathProperty());
        postgresUrl.textProperty().bindBidirectional(store.postgresUrlProperty());
        dbMessage.textProperty().bind(store.problemProperty());
        dbMessage.managedProperty().bind(dbMessage.textProperty().isNotEmpty());
        storeNote.managedProperty().bind(storeNote.textProperty().isNotEmpty());
        model.storeUrlInvalidProperty().addListener((obs, old, now) -> dbMessage.pseudoClassStateChanged(INVALID, now));
        ConnectionTest test = model.connectionTest();
        testConnection.disableProperty().bind(test.runningProperty().or(model.storeUrlInvalidProperty())
                .or(model.loadedProperty().not()));
        connectionResult.textProperty().bind(test.resultProperty());
        test.connectedProperty().addListener((obs, old, now) -> styleResult(now));
        test.runningProperty().addListener((obs, old, now) -> styleResult(test.connectedProperty().get()));
        storeNote.textProperty().bind(model.storeNoteProperty());
    }

    private void styleResult(boolean connected) {
        boolean running = model.connectionTest().runningProperty().get();
        connectionResult.getStyleClass().removeAll("connection-ok", "connection-failed");
        if (!running && !connectionResult.getText().isEmpty()) {
            connectionResult.getStyleClass().add(connected ? "connection-ok" : "connection-failed");
        }
    }

    private void bindDisplay() {
        zoneList.setItems(model.zones().shown());
        SettingField zone = model.field(Setting.TIME_ZONE);
        zoneList.disableProperty().bind(zone.fixedProperty().or(model.loadedProperty().not()));
        // Picked by a click or Enter, not on every selection change: the list re-filters on the text it sets,
        // and the selection moves on its own while the list changes under it.
        zoneList.setOnMouseClicked(e -> pickZone(zone));
        zoneList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                pickZone(zone);
            }
        });
        SettingField privacyField = model.field(Setting.PRIVACY);
        privacy.setSelected(isTrue(privacyField.textProperty().get()));
        privacyField.textProperty().addListener((obs, old, now) -> privacy.setSelected(isTrue(now)));
        privacy.selectedProperty().addListener((obs, old, now) -> {
            if (now != isTrue(privacyField.textProperty().get())) {
                privacyField.textProperty().set(Boolean.toString(now));
            }
        });
        privacy.disableProperty().bind(privacyField.fixedProperty().or(model.loadedProperty().not()));
        privacyMessage.textProperty().bind(privacyField.problemProperty());
        privacyMessage.managedProperty().bind(privacyMessage.textProperty().isNotEmpty());
    }

    private void pickZone(SettingField zone) {
        String picked = zoneList.getSelectionModel().getSelectedItem();
        if (picked != null) {
            zone.textProperty().set(picked);
        }
    }

    /** The spellings the settings rules read as true. */
    private static boolean isTrue(String s) {
        return List.of("true", "yes", "on", "1").contains(s.trim().toLowerCase(Locale.ROOT));
    }

    @FXML
    private void browseH2() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("H2 store file");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("H2 store (*.mv.db)", "*.mv.db"));
        Path current = Path.of(StoreForm.stripH2Suffix(h2Path.getText().trim())).toAbsolutePath();
        if (current.getParent() != null && current.getParent().toFile().isDirectory()) {
            chooser.setInitialDirectory(current.getParent().toFile()); // a local folder listing, as the chooser needs
        }
        chooser.setInitialFileName(current.getFileName() + ".mv.db");
        Window owner = h2Path.getScene().getWindow();
        File chosen = chooser.showSaveDialog(owner);
        if (chosen != null) {
            model.store().h2PathProperty().set(StoreForm.stripH2Suffix(chosen.getAbsolutePath()));
        }
    }

    @FXML
    private void testConnection() {
        model.testConnection();
    }

    @FXML
    private void save() {
        model.save();
    }

    @FXML
    private void close() {
        closer.run();
    }
}
