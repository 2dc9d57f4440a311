package io.tickwatch.alerts;

import io.tickwatch.config.AlertThresholds;
import io.tickwatch.store.AlertFigures;
import java.util.Locale;

/**
 * The original guide's alert rules, each an evaluation of {@link AlertFigures} against the editable
 * {@link AlertThresholds}. A figure exactly at its threshold does not fire ("under 90 %" means below 90).
 * Rate and average rules need at least {@value #MIN_SAMPLE} messages in their window: on fewer, one
 * undelivered message would swing the rate by 5 % or more, so they report {@code TOO_LITTLE_DATA} and do not
 * fire. The count rules (undelivered, webhook errors) need no minimum: their threshold is itself a count.
 * Stateless; any thread.
 */
public enum AlertRule {

    DELIVERY_RATE("Delivery rate", "delivery rate over the last hour", "under", "sent messages") {
        @Override
        RuleReading read(AlertFigures f, AlertThresholds t) {
            Double rate = f.recentSent() == 0 ? null : 100.0 * f.recentDelivered() / f.recentSent();
            return reading(f.recentSent() >= MIN_SAMPLE, rate != null && rate < t.deliveryRateMinPercent(), rate,
                    t.deliveryRateMinPercent(), f.recentSent());
        }

        @Override
        String format(Double figure) {
            return percent(figure);
        }
    },

    UNDELIVERED("Undelivered messages", "messages sent but not delivered", "more than", "messages") {
        @Override
        RuleReading read(AlertFigures f, AlertThresholds t) {
            return reading(true, f.undelivered() > t.undeliveredCount(), (double) f.undelivered(),
                    t.undeliveredCount(), f.undelivered());
        }

        @Override
        String format(Double figure) {
            return figure == null ? "–" : number(figure) + " messages";
        }
    },

    READ_RATE("Read rate", "read rate over the last 24 hours", "under", "delivered messages") {
        @Override
        RuleReading read(AlertFigures f, AlertThresholds t) {
            Double rate = f.dayDelivered() == 0 ? null : 100.0 * f.dayRead() / f.dayDelivered();
            return reading(f.dayDelivered() >= MIN_SAMPLE, rate != null && rate < t.readRateMinPercent(), rate,
                    t.readRateMinPercent(), f.dayDelivered());
        }

        @Override
        String format(Double figure) {
            return percent(figure);
        }
    },

    DELIVERY_TIME("Time to deliver", "average time to deliver over the last hour", "over",
            "delivered messages") {
        @Override
        RuleReading read(AlertFigures f, AlertThresholds t) {
            Double seconds = f.recentTimed() == 0 ? null : f.recentDeliveryMillis() / (1000.0 * f.recentTimed());
            return reading(f.recentTimed() >= MIN_SAMPLE, seconds != null && seconds > t.deliverySecondsMax(), seconds,
                    t.deliverySecondsMax(), f.recentTimed());
        }

        @Override
        String format(Double figure) {
            return figure == null ? "–" : String.format(Locale.ROOT, "%.1f s", figure);
        }
    },

    WEBHOOK_ERRORS("Webhook errors", "webhook requests refused (answered other than 200) in the last 5 minutes", "more than",
            "requests") {
        @Override
        RuleReading read(AlertFigures f, AlertThresholds t) {
            return reading(true, f.refusedRequests() > t.webhookErrors(), (double) f.refusedRequests(),
                    t.webhookErrors(), f.refusedRequests());
        }

        @Override
        String format(Double figure) {
            return figure == null ? "–" : number(figure) + " refused";
        }
    };

    /** Messages a rate or an average needs in its window before it may fire. */
    public static final int MIN_SAMPLE = 20;
    static final long MINUTE = 60_000;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;
    /** Undelivered messages are looked for among those sent in the day before the threshold's age. */
    static final long UNDELIVERED_LOOKBACK = DAY;
    static final long WEBHOOK_ERRORS_WINDOW = 5 * MINUTE;

    private final String title;
    private final String measures;
    private final String comparison;
    private final String sampleUnit;

    AlertRule(String title, String measures, String comparison, String sampleUnit) {
        this.title = title;
        this.measures = measures;
        this.comparison = comparison;
        this.sampleUnit = sampleUnit;
    }

    /** The windows the figures are counted over at {@code now} with thresholds {@code t}. */
    public static AlertFigures.Windows windows(long now, AlertThresholds t) {
        long undeliveredBefore = now - t.undeliveredMinutes() * MINUTE;
        return new AlertFigures.Windows(now - HOUR, now - DAY, undeliveredBefore - UNDELIVERED_LOOKBACK,
                undeliveredBefore, now - WEBHOOK_ERRORS_WINDOW);
    }

    abstract RuleReading read(AlertFigures figures, AlertThresholds thresholds);

    /** The figure in this rule's unit, e.g. "85.7 %", "11 messages", "31.0 s". */
    abstract String format(Double figure);

    String format(double figure) {
        return format(Double.valueOf(figure));
    }

    /** "under", "over" or "more than": how the figure compares with the threshold when the rule fires. */
    String comparison() {
        return comparison;
    }

    String sampleUnit() {
        return sampleUnit;
    }

    public String title() {
        return title;
    }

    /** The rule in words with its thresholds, e.g. "delivery rate over the last hour under 90 %". */
    public String condition(AlertThresholds t) {
        return switch (this) {
            case DELIVERY_RATE, READ_RATE -> measures + " under " + number(threshold(t)) + " %";
            case UNDELIVERED -> "more than " + t.undeliveredCount() + " messages sent but neither delivered nor failed"
                    + " for over " + t.undeliveredMinutes() + " min";
            case DELIVERY_TIME -> measures + " over " + number(threshold(t)) + " s";
            case WEBHOOK_ERRORS -> "more than " + t.webhookErrors() + " " + measures;
        };
    }

    /** This rule's threshold, in the unit of its figure. */
    public double threshold(AlertThresholds t) {
        return switch (this) {
            case DELIVERY_RATE -> t.deliveryRateMinPercent();
            case UNDELIVERED -> t.undeliveredCount();
            case READ_RATE -> t.readRateMinPercent();
            case DELIVERY_TIME -> t.deliverySecondsMax();
            case WEBHOOK_ERRORS -> t.webhookErrors();
        };
    }

    RuleReading reading(boolean enoughData, boolean holds, Double figure, double threshold, long sample) {
        RuleReading.Verdict verdict = !enoughData ? RuleReading.Verdict.TOO_LITTLE_DATA
                : holds ? RuleReading.Verdict.FIRING : RuleReading.Verdict.CLEAR;
        return new RuleReading(this, verdict, figure, threshold, sample);
    }

    static String percent(Double figure) {
        return figure == null ? "–" : number(figure) + " %";
    }

    /** Whole numbers without decimals ("90"), others with one ("85.7"). */
    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return String.format(Locale.ROOT, "%.1f", d);
    }
}
