package io.tickwatch.alerts;

import io.tickwatch.config.AlertThresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Thresholds typed by a person, checked with the same bounds as the configuration (SettingsLoader):
 * rates 0–100 %, counts whole and not negative, minutes whole and at least 1, seconds above 0. Either
 * every field is valid and {@link #thresholds()} holds the result, or {@link #problems()} says what is
 * wrong with each bad field, by its label. Immutable.
 */
public final class ThresholdsInput {

    private final AlertThresholds thresholds;
    private final List<String> problems;

    private ThresholdsInput(AlertThresholds thresholds, List<String> problems) {
        this.thresholds = thresholds;
        this.problems = List.copyOf(problems);
    }

    /** The fields as typed, in the order of {@link AlertThresholds}'s components. */
    public static ThresholdsInput parse(String deliveryRateMin, String undeliveredCount, String undeliveredMinutes,
                                        String readRateMin, String deliverySecondsMax, String webhookErrors) {
        List<String> problems = new ArrayList<>();
        double delivery = percent("Delivery rate minimum", deliveryRateMin, problems);
        int count = wholeNumber("Undelivered messages", undeliveredCount, 0, problems);
        int minutes = wholeNumber("Undelivered for (minutes)", undeliveredMinutes, 1, problems);
        double read = percent("Read rate minimum", readRateMin, problems);
        double seconds = positive("Time to deliver maximum (seconds)", deliverySecondsMax, problems);
        int errors = wholeNumber("Webhook errors", webhookErrors, 0, problems);
        return problems.isEmpty()
                ? new ThresholdsInput(new AlertThresholds(delivery, count, minutes, read, seconds, errors), problems)
                : new ThresholdsInput(null, problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    /** The parsed thresholds; only when {@link #valid()}. */
    public AlertThresholds thresholds() {
        if (thresholds == null) {
            throw new IllegalStateException("invalid thresholds: " + problems);
        }
        return thresholds;
    }

    public List<String> problems() {
        return problems;
    }

    private static double percent(String label, String text, List<String> problems) {
        Double d = number(text);
        if (d == null || d < 0 || d > 100) {
            problems.add(label + " must be a number from 0 to 100, not " + shown(text));
            return 0;
        }
        return d;
    }

    private static double positive(String label, String text, List<String> problems) {
        Double d = number(text);
        if (d == null || !(d > 0)) {
            problems.add(label + " must be a number above 0, not " + shown(text));
            return 0;
        }
        return d;
    }

    private static int wholeNumber(String label, String text, int min, List<String> problems) {
        try {
            int n = Integer.parseInt(text == null ? "" : text.trim());
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(label + " must be a whole number of at least " + min + ", not " + shown(text));
        return 0;
    }

    private static Double number(String text) {
        if (text == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(text.trim());
            return Double.isNaN(d) || Double.isInfinite(d) ? null : d;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String shown(String text) {
        return text == null || text.isBlank() ? "empty" : "\"" + text.trim() + "\"";
    }

    /** A threshold as a person would type it back: "90", "87.5". */
    public static String text(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : String.format(Locale.ROOT, "%s", d);
    }
}
