package io.tickwatch.ui.settings;

import io.tickwatch.config.Setting;
import io.tickwatch.config.SettingsLoader;
import io.tickwatch.config.SettingsOrigin;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The store part of the dialog: an H2 file path, or a PostgreSQL URL with a user and password, turned into
 * the {@code db}, {@code db-user} and {@code db-password} settings. An untouched choice leaves the file as
 * it was, so an H2 URL with options of its own or the unwritten default survives a save. FX thread only.
 */
final class StoreForm {

    /** The two kinds of store. */
    enum Kind { H2, POSTGRESQL }

    private static final String H2_PREFIX = "jdbc:h2:file:";

    private final ObjectProperty<Kind> kind = new SimpleObjectProperty<>(Kind.H2);
    private final StringProperty h2Path = new SimpleStringProperty("");
    private final StringProperty postgresUrl = new SimpleStringProperty("");
    private final StringProperty problem = new SimpleStringProperty("");
    private final BooleanProperty fixed = new SimpleBooleanProperty(false);
    private final SettingField user = new SettingField(Setting.DB_USER);
    private final SettingField password = new SettingField(Setting.DB_PASSWORD);
    private Kind initialKind = Kind.H2;
    private String initialUrl = "";
    private String initialPath = "";
    private String fixedNote = "";

    void reset(Map<Setting, String> fileValues, SettingsOrigin origin) {
        SettingsOrigin.Fixed f = origin.fixed(Setting.DB).orElse(null);
        String url = f != null ? f.value() : fileValues.getOrDefault(Setting.DB, SettingsLoader.defaultDbUrl(origin.home()));
        fixed.set(f != null);
        initialUrl = url;
        initialKind = url.startsWith("jdbc:postgresql:") ? Kind.POSTGRESQL : Kind.H2;
        initialPath = initialKind == Kind.H2 ? url.replaceFirst("^jdbc:h2:(file:)?", "").replaceFirst(";.*$", "") : "";
        kind.set(initialKind);
        h2Path.set(initialPath);
        postgresUrl.set(initialKind == Kind.POSTGRESQL ? url : "jdbc:postgresql://127.0.0.1:5432/tickwatch");
        user.reset(fileValues, origin);
        password.reset(fileValues, origin);
        fixedNote = f == null ? "" : "Set by " + f.by() + (f.byEnvironment() ? " (environment)" : " (command line)")
                + ": a store saved here would not apply while it is set.";
        problem.set(fixedNote);
    }

    /** The URL the form describes now. */
    String url() {
        if (kind.get() == Kind.POSTGRESQL) {
            return postgresUrl.get().trim();
        }
        if (initialKind == Kind.H2 && h2Path.get().equals(initialPath)) {
            return initialUrl; // keeps options written after the path, e.g. ;CIPHER=…
        }
        return H2_PREFIX + stripH2Suffix(h2Path.get().trim());
    }

    /** A chosen file may be H2's own {@code tickwatch.mv.db}: H2 wants the name without it. */
    static String stripH2Suffix(String path) {
        return path.endsWith(".mv.db") ? path.substring(0, path.length() - ".mv.db".length()) : path;
    }

    void applyTo(Map<Setting, String> candidate) {
        if (fixed.get()) {
            return;
        }
        String url = url();
        if (!url.equals(initialUrl)) {
            candidate.put(Setting.DB, url);
        }
        if (kind.get() == Kind.H2 && initialKind == Kind.POSTGRESQL) {
            // an H2 file has no PostgreSQL login: a user left behind would be refused by H2
            if (!user.fixedProperty().get()) {
                candidate.remove(Setting.DB_USER);
            }
            if (!password.fixedProperty().get()) {
                candidate.remove(Setting.DB_PASSWORD);
            }
            return;
        }
        if (kind.get() == Kind.POSTGRESQL) {
            user.applyTo(candidate);
            password.applyTo(candidate);
        }
    }

    void problem(String message) {
        problem.set(message != null ? message : fixedNote);
    }

    ObjectProperty<Kind> kindProperty() {
        return kind;
    }

    StringProperty h2PathProperty() {
        return h2Path;
    }

    StringProperty postgresUrlProperty() {
        return postgresUrl;
    }

    ReadOnlyStringProperty problemProperty() {
        return problem;
    }

    ReadOnlyBooleanProperty fixedProperty() {
        return fixed;
    }

    SettingField user() {
        return user;
    }

    SettingField password() {
        return password;
    }
}
