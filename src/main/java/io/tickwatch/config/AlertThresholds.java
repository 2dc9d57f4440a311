package io.tickwatch.config;

/**
 * The alert rules' thresholds (the original guide's rules, editable): rates in percent, times in
 * minutes or seconds, counts as given. Validated by {@link SettingsLoader}.
 */
public record AlertThresholds(double deliveryRateMinPercent, int undeliveredCount, int undeliveredMinutes,
                              double readRateMinPercent, double deliverySecondsMax, int webhookErrors) {

    public static final AlertThresholds DEFAULTS = new AlertThresholds(90, 10, 10, 50, 30, 5);
}
