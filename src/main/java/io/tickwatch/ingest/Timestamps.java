package io.tickwatch.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Reads provider timestamps (FORMATS.md §3.3): Unix seconds as a string or a number, milliseconds
 * when the number is above 10^11, or ISO-8601 with an offset. Anything else is refused with a reason:
 * a fabricated "now" would corrupt every latency figure.
 */
public final class Timestamps {

    /** Above this, a number is taken as milliseconds (10^11 seconds is the year 5138). */
    static final BigDecimal MILLIS_THRESHOLD = BigDecimal.valueOf(100_000_000_000L);
    /** The latest instant we accept: 9999-12-31T23:59:59.999Z, the end of four-digit years. */
    static final long MAX_MILLIS = 253_402_300_799_999L;

    private Timestamps() {
    }

    /** Thrown with a reason meant for the person reading the {@code rejected} list. */
    public static final class InvalidTimestamp extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidTimestamp(String reason) {
            super(reason, null, false, false);
        }
    }

    /** @return UTC epoch milliseconds */
    public static long parse(JsonNode node) throws InvalidTimestamp {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new InvalidTimestamp("timestamp is missing");
        }
        if (node.isNumber()) {
            if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
                // 1e400 parses as infinity, which has no decimal value
                throw new InvalidTimestamp(node.doubleValue() < 0 ? "timestamp must be positive, got " + node.asText()
                        : "timestamp is out of range: " + node.asText());
            }
            return fromEpochNumber(node.decimalValue());
        }
        if (!node.isTextual()) {
            throw new InvalidTimestamp("timestamp must be a string or a number, not " + JsonNodes.kind(node));
        }
        return parse(node.textValue());
    }

    public static long parse(String raw) throws InvalidTimestamp {
        String text = raw.trim();
        if (text.isEmpty()) {
            throw new InvalidTimestamp("timestamp is empty");
        }
        if (looksNumeric(text)) {
            try {
                return fromEpochNumber(new BigDecimal(text));
            } catch (NumberFormatException e) {
                throw new InvalidTimestamp("timestamp is not a number: " + JsonNodes.shorten(text));
            }
        }
        return fromIso(text);
    }

    /** A plain decimal number (optionally signed, fractional or with an exponent); ISO dates also start with digits. */
    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private static boolean looksNumeric(String text) {
        return NUMBER.matcher(text).matches();
    }

    private static long fromEpochNumber(BigDecimal value) throws InvalidTimestamp {
        if (value.signum() <= 0) {
            throw new InvalidTimestamp("timestamp must be positive, got " + JsonNodes.shorten(value.toPlainString()));
        }
        BigDecimal millis = value.compareTo(MILLIS_THRESHOLD) > 0 ? value : value.movePointRight(3);
        if (millis.compareTo(BigDecimal.valueOf(MAX_MILLIS)) > 0) {
            throw new InvalidTimestamp("timestamp is out of range: " + JsonNodes.shorten(value.toPlainString()));
        }
        long result = millis.longValue();
        if (result <= 0) {
            throw new InvalidTimestamp("timestamp must be after 1970-01-01T00:00:00Z");
        }
        return result;
    }

    private static long fromIso(String text) throws InvalidTimestamp {
        try {
            OffsetDateTime parsed = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            long millis = parsed.toInstant().toEpochMilli();
            if (millis <= 0 || millis > MAX_MILLIS) {
                throw new InvalidTimestamp("timestamp is out of range: " + JsonNodes.shorten(text));
            }
            return millis;
        } catch (DateTimeParseException e) {
            throw new InvalidTimestamp(isoWithoutOffset(text)
                    ? "timestamp has no UTC offset (add Z or +hh:mm): " + JsonNodes.shorten(text)
                    : "timestamp is neither Unix seconds, milliseconds nor ISO-8601: " + JsonNodes.shorten(text));
        } catch (DateTimeException | ArithmeticException e) {
            throw new InvalidTimestamp("timestamp is out of range: " + JsonNodes.shorten(text));
        }
    }

    private static boolean isoWithoutOffset(String text) {
        try {
            DateTimeFormatter.ISO_LOCAL_DATE_TIME.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** ISO-8601 UTC with at most millisecond precision, as the API shows times. */
    public static String format(long millis) {
        return Instant.ofEpochMilli(millis).toString();
    }
}
