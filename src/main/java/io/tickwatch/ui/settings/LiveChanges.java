package io.tickwatch.ui.settings;

import io.tickwatch.config.Setting;
import io.tickwatch.config.Settings;
import io.tickwatch.store.JdbcUrls;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Applies what a save changed to the running window (time zone, privacy default, alert thresholds; the
 * receiver was already moved on the executor) and words the outcome for the dialog's status line. The
 * store is the one thing that waits for a restart: its pool, writer, live model and every open view hang on
 * it, and swapping them under a running dashboard risks losing acknowledged work. FX thread only, apart
 * from {@link #receiver}.
 */
final class LiveChanges {

    /** Settings the receiver applies on the fly. */
    static final Set<Setting> RECEIVER = EnumSet.of(Setting.PORT, Setting.BIND, Setting.WEBHOOK_PATH,
            Setting.APP_SECRET, Setting.VERIFY_TOKEN, Setting.API_TOKEN, Setting.WEBHOOK_TOKEN);

    private final SettingsTargets targets;
    private final Settings running;

    /** @param running the settings this process started with (its store is the one in use) */
    LiveChanges(SettingsTargets targets, Settings running) {
        this.targets = targets;
        this.running = running;
    }

    /**
     * Moves or reconfigures the receiver as {@code after} says; blocks while a moving receiver answers its
     * requests in flight. Runs on the dialog's executor, never on the FX thread.
     *
     * @return the webhook URL now
     */
    String receiver(Settings after) {
        return targets.receiver().apply(after);
    }

    /**
     * @param before      what the file described before the save (null if it was unusable)
     * @param changed     the settings whose file value changed
     * @param receiverUrl the receiver's URL after the save, or null when it could not move
     * @param receiverProblem why the receiver could not move, or null
     * @return the status line: what applies now and what waits for a restart
     */
    String apply(Settings before, Settings after, Set<Setting> changed, String receiverUrl, String receiverProblem) {
        List<String> now = new ArrayList<>();
        if (receiverUrl != null) {
            targets.webhookUrlChanged().accept(receiverUrl);
            if (changed.stream().anyMatch(RECEIVER::contains)) {
                now.add("receiver at " + receiverUrl);
            }
        }
        if (before == null || !before.timeZone().equals(after.timeZone())) {
            targets.display().useZone(after.timeZone());
            now.add("time zone " + after.timeZone());
        }
        if (before == null || before.privacy() != after.privacy()) {
            targets.display().privacyProperty().set(after.privacy());
            now.add("privacy mode " + (after.privacy() ? "on" : "off"));
        }
        if (before == null || !before.alerts().equals(after.alerts())) {
            targets.alertThresholds().accept(after.alerts());
            now.add("alert thresholds");
        }
        StringBuilder b = new StringBuilder(changed.isEmpty() ? "Nothing to save: the file already holds these values."
                : "Saved to " + after.origin().configFile() + ".");
        if (!now.isEmpty()) {
            b.append(" Applied now: ").append(String.join(", ", now)).append('.');
        }
        if (receiverProblem != null) {
            b.append(" The receiver could not move: ").append(receiverProblem)
                    .append(". It still listens where it did; the saved values apply at the next start.");
        }
        if (storeWaitsForRestart(after)) {
            b.append(" The store changes at the next start; until then Tickwatch keeps using ")
                    .append(JdbcUrls.redact(running.db())).append('.');
        }
        return b.toString();
    }

    /** True while the saved store differs from the one this process opened. */
    boolean storeWaitsForRestart(Settings saved) {
        return !Objects.equals(saved.db(), running.db()) || !Objects.equals(saved.dbUser(), running.dbUser())
                || !Objects.equals(saved.dbPassword(), running.dbPassword());
    }

    /** The settings whose value differs between two versions of the file (null: removed). */
    static Set<Setting> changed(Map<Setting, String> before, Map<Setting, String> after) {
        Set<Setting> changed = EnumSet.noneOf(Setting.class);
        for (Setting s : Setting.values()) {
            if (!Objects.equals(before.get(s), after.get(s))) {
                changed.add(s);
            }
        }
        return changed;
    }
}
