package io.tickwatch.ui.settings;

import io.tickwatch.config.Setting;
import java.util.Locale;
import javafx.beans.NamedArg;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * One setting in the settings dialog, declared in FXML as {@code <SettingRow setting="PORT" caption="Port"/>}:
 * a caption, the input (a password field for secrets, with a "Clear" toggle), an optional unit, and a line
 * under it for a problem or for why the value cannot be edited here. Its nodes get ids from the setting's
 * key ({@code #webhookPath}, {@code #webhookPathMessage}, {@code #clearAppSecret}), so tests and styles
 * find them. Holds no state of its own: {@link SettingsController} binds it to a {@link SettingField}.
 */
public final class SettingRow extends VBox {

    /** Captions share one width, so the inputs line up (settings.css indents messages by as much). */
    static final double CAPTION_WIDTH = 220;

    private final Setting setting;
    private final TextInputControl input;
    private final Label message = new Label();
    private final ToggleButton clear;

    public SettingRow(@NamedArg("setting") Setting setting, @NamedArg("caption") String caption) {
        this(setting, caption, "");
    }

    /** @param unit shown after the input, e.g. "%" or "minutes" */
    public SettingRow(@NamedArg("setting") Setting setting, @NamedArg("caption") String caption,
                      @NamedArg("unit") String unit) {
        this.setting = setting;
        String id = idOf(setting);
        this.input = setting.isSecret() ? new PasswordField() : new TextField();
        input.setId(id);
        input.setTooltip(new Tooltip(setting.description()));
        Label label = new Label(caption);
        label.getStyleClass().add("setting-caption");
        label.setLabelFor(input);
        label.setMinWidth(CAPTION_WIDTH);
        label.setPrefWidth(CAPTION_WIDTH);
        HBox line = new HBox(8, label, input);
        line.getStyleClass().add("setting-line");
        line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(input, Priority.ALWAYS);
        if (!unit.isEmpty()) {
            Label u = new Label(unit);
            u.getStyleClass().add("caption");
            u.setMinWidth(64); // inputs of one section line up whatever their unit
            line.getChildren().add(u);
        }
        if (setting.isSecret()) {
            clear = new ToggleButton("Clear");
            clear.setId("clear" + Character.toUpperCase(id.charAt(0)) + id.substring(1));
            clear.setTooltip(new Tooltip("Remove the saved value when you save"));
            line.getChildren().add(clear);
        } else {
            clear = null;
        }
        message.setId(id + "Message");
        message.getStyleClass().add("setting-message");
        message.setWrapText(true);
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.textProperty().isNotEmpty());
        setSpacing(2);
        getStyleClass().add("setting-row");
        getChildren().addAll(line, message);
    }

    /** {@code webhook-path} → {@code webhookPath}. */
    static String idOf(Setting setting) {
        String[] parts = setting.key().split("-");
        StringBuilder b = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            b.append(parts[i].substring(0, 1).toUpperCase(Locale.ROOT)).append(parts[i].substring(1));
        }
        return b.toString();
    }

    public Setting getSetting() {
        return setting;
    }

    TextInputControl input() {
        return input;
    }

    Label message() {
        return message;
    }

    /** The "Clear" toggle of a secret; null for other settings. */
    ToggleButton clear() {
        return clear;
    }
}
