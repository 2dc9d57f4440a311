package io.tickwatch.ui.settings;

import io.tickwatch.config.ConfigFile;
import io.tickwatch.config.InvalidSettings;
import io.tickwatch.config.Setting;
import io.tickwatch.config.Settings;
import io.tickwatch.config.SettingsLoader;
import io.tickwatch.config.SettingsOrigin;
import io.tickwatch.store.ConnectionProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The settings dialog's state. It reads the config file the application started with (on the executor),
 * keeps one {@link SettingField} per setting shown, checks every edit with the start-up rules
 * ({@link SettingsLoader#check}: one set of rules, so what the dialog accepts the next start accepts), writes
 * only what changed through {@link ConfigFile} (owner-only, atomic; other keys kept) on the executor, then
 * applies what can change in a running Tickwatch ({@link LiveChanges}). Knows no controls. FX thread only.
 */
public final class SettingsViewModel {

    /** The settings the dialog shows, besides the store's three. */
    static final List<Setting> SHOWN = List.of(Setting.PORT, Setting.BIND, Setting.WEBHOOK_PATH,
            Setting.APP_SECRET, Setting.VERIFY_TOKEN, Setting.API_TOKEN, Setting.WEBHOOK_TOKEN,
            Setting.ALERT_DELIVERY_RATE_MIN, Setting.ALERT_UNDELIVERED_COUNT, Setting.ALERT_UNDELIVERED_MINUTES,
            Setting.ALERT_READ_RATE_MIN, Setting.ALERT_DELIVERY_SECONDS_MAX, Setting.ALERT_WEBHOOK_ERRORS,
            Setting.TIME_ZONE, Setting.PRIVACY);
    private static final Set<Setting> STORE = Set.of(Setting.DB, Setting.DB_USER, Setting.DB_PASSWORD);

    private final Settings running;
    private final SettingsOrigin origin;
    private final Executor executor;
    private final LiveChanges live;
    private final Map<Setting, SettingField> fields = new EnumMap<>(Setting.class);
    private final StoreForm store = new StoreForm();
    private final ConnectionTest connectionTest;
    private final ZoneChoices zones = new ZoneChoices();
    private final BooleanProperty loaded = new SimpleBooleanProperty(false);
    private final BooleanProperty saving = new SimpleBooleanProperty(false);
    private final BooleanProperty valid = new SimpleBooleanProperty(false);
    private final StringProperty otherProblems = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("Reading the config file…");
    private final StringProperty storeNote = new SimpleStringProperty("");
    private final BooleanBinding canSave = loaded.and(valid).and(saving.not());
    private Map<Setting, String> fileValues = Map.of();
    private Settings saved;
    private boolean resetting;
    private final BooleanProperty storeUrlInvalid = new SimpleBooleanProperty(false);

    /**
     * @param running      the settings this process started with; their origin names the config file
     * @param probeTimeout how long "Test connection" waits for a database
     */
    public SettingsViewModel(Settings running, Executor executor, Duration probeTimeout, SettingsTargets targets) {
        this.running = running;
        this.origin = running.origin();
        this.executor = executor;
        this.live = new LiveChanges(targets, running);
        this.connectionTest = new ConnectionTest(new ConnectionProbe((int) Math.max(1, probeTimeout.toSeconds())),
                executor, probeTimeout.plusSeconds(2));
        for (Setting s : SHOWN) {
            SettingField f = new SettingField(s);
            fields.put(s, f);
            watch(f.textProperty(), f.clearProperty());
        }
        watch(store.kindProperty(), store.h2PathProperty(), store.postgresUrlProperty(),
                store.user().textProperty(), store.user().clearProperty(),
                store.password().textProperty(), store.password().clearProperty());
        for (Observable o : List.of(store.kindProperty(), store.h2PathProperty(), store.postgresUrlProperty(),
                store.user().textProperty(), store.password().textProperty())) {
            o.addListener(x -> connectionTest.forget()); // a result about other values would mislead
        }
        fields.get(Setting.TIME_ZONE).textProperty().addListener((obs, old, now) -> zones.search(now));
    }

    private void watch(Observable... edits) {
        for (Observable o : edits) {
            o.addListener(x -> edited());
        }
    }

    private void edited() {
        if (!resetting) {
            revalidate();
        }
    }

    /** Reads the config file off the FX thread, then fills the form. */
    public void load() {
        Path file = origin.configFile();
        executor.execute(() -> {
            Map<Setting, String> values = null;
            String problem = null;
            try {
                values = Files.exists(file) ? SettingsLoader.readFile(file) : Map.of();
            } catch (InvalidSettings e) {
                problem = e.getMessage();
            }
            Map<Setting, String> v = values;
            String p = problem;
            Platform.runLater(() -> {
                if (v == null) {
                    status.set("The config file cannot be used (" + p + "). Fix it in an editor; nothing can be saved here until then.");
                } else {
                    fill(v);
                    status.set("");
                }
            });
        });
    }

    private void fill(Map<Setting, String> values) {
        resetting = true;
        try {
            fileValues = Map.copyOf(values);
            fields.values().forEach(f -> f.reset(fileValues, origin));
            store.reset(fileValues, origin);
        } finally {
            resetting = false;
        }
        SettingsLoader.Check check = SettingsLoader.check(running.headless(), origin, fileValues);
        saved = check.settings();
        zones.search("");
        loaded.set(true);
        revalidate();
    }

    /** The file's values with the edits applied, as they would be saved. */
    Map<Setting, String> candidate() {
        Map<Setting, String> candidate = new EnumMap<>(Setting.class);
        candidate.putAll(fileValues);
        fields.values().forEach(f -> f.applyTo(candidate));
        store.applyTo(candidate);
        return candidate;
    }

    private SettingsLoader.Check revalidate() {
        SettingsLoader.Check check = SettingsLoader.check(running.headless(), origin, candidate());
        Map<Setting, String> problems = check.problems();
        fields.forEach((s, f) -> f.problem(problems.get(s)));
        store.problem(problems.get(Setting.DB));
        storeUrlInvalid.set(problems.containsKey(Setting.DB));
        store.user().problem(problems.get(Setting.DB_USER));
        store.password().problem(problems.get(Setting.DB_PASSWORD));
        // settings the dialog does not show (edited by hand since the start): said here, fixed in an editor
        String others = problems.entrySet().stream()
                .filter(e -> !fields.containsKey(e.getKey()) && !STORE.contains(e.getKey()))
                .map(Map.Entry::getValue).collect(Collectors.joining("\n"));
        otherProblems.set(others.isEmpty() ? "" : "Fix these in " + origin.configFile() + " first:\n" + others);
        valid.set(check.valid());
        storeNote.set(check.valid() && live.storeWaitsForRestart(check.settings())
                ? "The store changes at the next start: this window keeps using the current one until then." : "");
        return check;
    }

    /** Writes what changed (on the executor), moves the receiver if needed, then applies the rest here. */
    public void save() {
        SettingsLoader.Check check = revalidate();
        if (!canSave.get() || !check.valid()) {
            return;
        }
        Map<Setting, String> candidate = candidate();
        Set<Setting> changed = LiveChanges.changed(fileValues, candidate);
        Map<Setting, String> changes = new EnumMap<>(Setting.class);
        changed.forEach(s -> changes.put(s, candidate.get(s)));
        Settings before = saved;
        Settings after = check.settings();
        saving.set(true);
        status.set("Saving…");
        executor.execute(() -> {
            String writeProblem = null;
            String url = null;
            String receiverProblem = null;
            try {
                if (!changes.isEmpty()) {
                    ConfigFile.update(origin.configFile(), changes);
                }
                try {
                    url = live.receiver(after);
                } catch (RuntimeException e) {
                    receiverProblem = e.getMessage();
                }
            } catch (IOException e) {
                writeProblem = e.getMessage() == null ? e.toString() : e.getMessage();
            }
            String w = writeProblem;
            String u = url;
            String r = receiverProblem;
            Platform.runLater(() -> saved(candidate, before, after, changed, w, u, r));
        });
    }

    private void saved(Map<Setting, String> written, Settings before, Settings after, Set<Setting> changed,
                       String writeProblem, String url, String receiverProblem) {
        saving.set(false);
        if (writeProblem != null) {
            status.set("Could not save to " + origin.configFile() + ": " + writeProblem + ". Nothing was changed.");
            return;
        }
        fill(written);
        status.set(live.apply(before, after, changed, url, receiverProblem));
    }

    /** Tests the store the form describes now (the saved password when none is typed). */
    public void testConnection() {
        if (!loaded.get() || storeUrlInvalid.get()) {
            return; // the button is disabled then; the problem shows under the store
        }
        boolean postgres = store.url().startsWith("jdbc:postgresql:");
        String user = postgres ? store.user().effective(fileValues, origin) : null;
        String password = postgres ? store.password().effective(fileValues, origin) : null;
        connectionTest.run(store.url(), user, password);
    }

    SettingField field(Setting s) {
        return fields.get(s);
    }

    StoreForm store() {
        return store;
    }

    ConnectionTest connectionTest() {
        return connectionTest;
    }

    ZoneChoices zones() {
        return zones;
    }

    Path configFile() {
        return origin.configFile();
    }

    public ReadOnlyBooleanProperty loadedProperty() {
        return loaded;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    ReadOnlyStringProperty otherProblemsProperty() {
        return otherProblems;
    }

    ReadOnlyStringProperty storeNoteProperty() {
        return storeNote;
    }

    /** True when the store URL has a problem: then there is nothing to test. */
    ReadOnlyBooleanProperty storeUrlInvalidProperty() {
        return storeUrlInvalid;
    }

    ReadOnlyBooleanProperty savingProperty() {
        return saving;
    }
}
