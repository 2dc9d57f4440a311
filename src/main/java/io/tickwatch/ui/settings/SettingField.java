package io.tickwatch.ui.settings;

import io.tickwatch.config.Setting;
import io.tickwatch.config.SettingsOrigin;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The state of one setting in the dialog: what is typed, the problem with it, and whether a flag or an
 * environment variable fixes it (then it is shown, not edited, and never written). A secret is never
 * shown: its field starts empty, "unchanged" when the file holds one, and "Clear" removes it.
 * FX thread only.
 */
final class SettingField {

    private final Setting setting;
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty prompt = new SimpleStringProperty("");
    private final BooleanProperty clear = new SimpleBooleanProperty(false);
    private final BooleanProperty fixed = new SimpleBooleanProperty(false);
    private final BooleanProperty storedInFile = new SimpleBooleanProperty(false);
    private final BooleanProperty invalid = new SimpleBooleanProperty(false);
    private String fixedBy = "";
    private String fixedNote = "";
    private String initial = "";

    SettingField(Setting setting) {
        this.setting = setting;
        // typing a new secret takes back a "Clear"
        text.addListener((obs, old, now) -> {
            if (!now.isEmpty()) {
                clear.set(false);
            }
        });
        clear.addListener((obs, old, now) -> {
            if (now) {
                text.set("");
            }
            showPrompt();
        });
    }

    /** Shows what the file holds (or the flag or environment value that wins over it). */
    void reset(Map<Setting, String> fileValues, SettingsOrigin origin) {
        SettingsOrigin.Fixed f = origin.fixed(setting).orElse(null);
        fixed.set(f != null);
        storedInFile.set(fileValues.containsKey(setting));
        fixedBy = f == null ? "" : f.by();
        fixedNote = f == null ? "" : "Set by " + f.by() + (f.byEnvironment() ? " (environment)" : " (command line)")
                + ": a value saved here would not apply while it is set.";
        if (setting.isSecret()) {
            initial = "";
        } else if (f != null) {
            initial = f.value();
        } else {
            String v = fileValues.getOrDefault(setting, setting.defaultValue());
            initial = v == null ? "" : v;
        }
        clear.set(false);
        text.set(initial);
        showPrompt();
    }

    private void showPrompt() {
        if (fixed.get()) {
            prompt.set(setting.isSecret() ? "set by " + fixedBy : "");
        } else if (clear.get()) {
            prompt.set("removed when you save");
        } else if (setting.isSecret()) {
            prompt.set(storedInFile.get() ? "unchanged (a value is saved)" : "not set");
        } else {
            prompt.set(setting.defaultValue() == null ? "not set" : "default " + setting.defaultValue());
        }
    }

    /**
     * Puts this field's value into the file values about to be saved: a changed value replaces the file's;
     * an untouched one leaves the file as it was (a default is not written out); an emptied optional value
     * or a cleared secret is removed. A fixed setting never touches the file.
     */
    void applyTo(Map<Setting, String> candidate) {
        if (fixed.get()) {
            return;
        }
        String typed = text.get().trim();
        if (clear.get()) {
            candidate.remove(setting);
        } else if (setting.isSecret()) {
            if (!typed.isEmpty()) {
                candidate.put(setting, typed);
            }
        } else if (!text.get().equals(initial)) {
            if (typed.isEmpty() && setting.defaultValue() == null) {
                candidate.remove(setting);
            } else {
                candidate.put(setting, text.get());
            }
        }
    }

    /** The value a connection test should use: typed, cleared, or the saved one (a secret included). */
    String effective(Map<Setting, String> fileValues, SettingsOrigin origin) {
        if (fixed.get()) {
            return origin.fixed(setting).map(SettingsOrigin.Fixed::value).orElse(null);
        }
        if (clear.get()) {
            return null;
        }
        String typed = text.get().trim();
        if (!typed.isEmpty()) {
            return typed;
        }
        return setting.isSecret() ? fileValues.get(setting) : null;
    }

    Setting setting() {
        return setting;
    }

    StringProperty textProperty() {
        return text;
    }

    /** The problem with the value, or why it cannot be edited here; empty when neither. */
    ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    void problem(String message) {
        invalid.set(message != null);
        problem.set(message == null ? fixedNote : message);
    }

    /** True when the line under the field is a problem (not the note on a fixed value). */
    ReadOnlyBooleanProperty invalidProperty() {
        return invalid;
    }

    ReadOnlyStringProperty promptProperty() {
        return prompt;
    }

    BooleanProperty clearProperty() {
        return clear;
    }

    ReadOnlyBooleanProperty fixedProperty() {
        return fixed;
    }

    ReadOnlyBooleanProperty storedInFileProperty() {
        return storedInFile;
    }
}
