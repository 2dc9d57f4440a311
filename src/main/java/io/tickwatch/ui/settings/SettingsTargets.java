package io.tickwatch.ui.settings;

import io.tickwatch.config.AlertThresholds;
import io.tickwatch.config.Settings;
import io.tickwatch.ui.common.DisplaySettings;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What saved settings change in the running application without a restart, given by the window that
 * opens the dialog.
 *
 * @param display           the window's time zone and privacy mode (FX thread)
 * @param alertThresholds   takes new thresholds (FX thread)
 * @param receiver          moves or reconfigures the webhook receiver and returns its URL; blocks (a moving
 *                          receiver answers its requests in flight first), so it runs on the dialog's executor;
 *                          throws with a message a person can read when the new address cannot be used
 * @param webhookUrlChanged told the receiver's URL after a save (FX thread)
 */
public record SettingsTargets(DisplaySettings display, Consumer<AlertThresholds> alertThresholds,
                              Function<Settings, String> receiver, Consumer<String> webhookUrlChanged) {
}
