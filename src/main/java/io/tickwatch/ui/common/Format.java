package io.tickwatch.ui.common;

import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** How the dashboard writes numbers, rates, durations and instants. Stateless; any thread. */
public final class Format {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter SHORT_DATE_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter TIME_MINUTES = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter CHART_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);

    private Format() {
    }

    public static String count(long n) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(n).replace(',', '\u2009');
    }

    /** "87.5 %" or "–" when there is no denominator yet. */
    public static String percent(Double ratio) {
        return ratio == null ? "–" : String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }

    public static String perSecond(double rate) {
        return String.format(Locale.ROOT, rate >= 100 ? "%.0f/s" : "%.1f/s", rate);
    }

    /** "850 ms", "4.2 s", "3.5 min", "2.1 h", "1.3 d"; "–" for null. */
    public static String duration(Long millis) {
        if (millis == null) {
            return "–";
        }
        long m = Math.abs(millis);
        String sign = millis < 0 ? "−" : "";
        if (m < 1_000) {
            return sign + m + " ms";
        } else if (m < 60_000) {
            return sign + String.format(Locale.ROOT, "%.1f s", m / 1_000.0);
        } else if (m < 3_600_000) {
            return sign + String.format(Locale.ROOT, "%.1f min", m / 60_000.0);
        } else if (m < 86_400_000) {
            return sign + String.format(Locale.ROOT, "%.1f h", m / 3_600_000.0);
        }
        return sign + String.format(Locale.ROOT, "%.1f d", m / 86_400_000.0);
    }

    public static String dateTime(Long millis, ZoneId zone) {
        return millis == null ? "" : DATE_TIME.format(Instant.ofEpochMilli(millis).atZone(zone));
    }

    /** Without the year, for table cells: "12-10 17:00:05". */
    public static String shortDateTime(Long millis, ZoneId zone) {
        return millis == null ? "" : SHORT_DATE_TIME.format(Instant.ofEpochMilli(millis).atZone(zone));
    }

    public static String time(long millis, ZoneId zone) {
        return TIME.format(Instant.ofEpochMilli(millis).atZone(zone));
    }

    public static String chartTime(long millis, ZoneId zone, long spanMillis) {
        return (spanMillis <= 3 * 3_600_000 ? TIME_MINUTES : CHART_TIME).format(Instant.ofEpochMilli(millis).atZone(zone));
    }

    /** "UTC" or the zone's short name with its id, e.g. "IST (Asia/Kolkata)". */
    public static String zone(ZoneId zone) {
        if (zone.equals(ZoneOffset.UTC)) {
            return "UTC";
        }
        return zone.getDisplayName(TextStyle.SHORT, Locale.ROOT) + " (" + zone.getId() + ")";
    }
}
