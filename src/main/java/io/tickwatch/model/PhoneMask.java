package io.tickwatch.model;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides phone numbers: "+919876543210" becomes "+91 98••• ••210" (country code and the first two and
 * last three digits stay, enough to tell numbers apart in a demo, not enough to dial one).
 */
public final class PhoneMask {

    /** Runs of 10 to 20 digits, optionally after a "+": phone numbers in any text. */
    private static final Pattern DIGIT_RUN = Pattern.compile("\\+?(?<![0-9])[0-9]{10,20}(?![0-9])");

    /**
     * Members of a webhook body that hold a phone number (FORMATS.md: recipient_id, the group
     * participant, Meta's wa_id and display number; the common names other providers use), with a
     * string or number value. Matched in the text, not in a parsed tree, so that truncated bodies,
     * pretty-printed ones and broken JSON are masked alike.
     */
    private static final Pattern PHONE_MEMBER = Pattern.compile("(?i)(\"(?:recipient_id|recipient_participant_id"
            + "|recipient|wa_id|display_phone_number|phone|phone_number|msisdn|mobile|from|to|destination)\"\\s*:\\s*)"
            + "(\"(?:[^\"\\\\]|\\\\.)*(?:\"|\\z)|-?[0-9][0-9.eE+-]*)"); // a string cut short by truncation too
    /** Free-text members (error titles and details) where a provider may quote a number. */
    private static final Pattern TEXT_MEMBER = Pattern.compile("(?i)(\"(?:title|message|details|reason)\"\\s*:\\s*)"
            + "(\"(?:[^\"\\\\]|\\\\.)*\")");
    /** Phone fields of a form-encoded body (Twilio's status callback: To, From, WaId). */
    private static final Pattern FORM_PHONE = Pattern.compile("(?i)((?:^|&)(?:to|from|waid)=)([^&]*)");

    private PhoneMask() {
    }

    public static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.startsWith("+") ? phone.substring(1) : phone;
        if (digits.length() < 7) {
            return "•".repeat(digits.length());
        }
        int cc = Math.min(2, digits.length() - 7);
        String country = digits.substring(0, Math.max(cc, 0));
        String rest = digits.substring(country.length());
        String head = rest.substring(0, 2);
        String tail = rest.substring(rest.length() - 3);
        int hidden = rest.length() - 5;
        String dots = "•".repeat(hidden);
        int split = Math.min(3, hidden);
        return "+" + country + (country.isEmpty() ? "" : " ") + head + dots.substring(0, split) + " "
                + dots.substring(split) + tail;
    }

    /** Masks every phone-like digit run inside free text (log lines, error messages). */
    public static String maskAll(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        Matcher m = DIGIT_RUN.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(mask(m.group())));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }

    /**
     * Masks the phone numbers of a raw webhook body, JSON (any layout, whole or cut short) or a form:
     * every value of a phone member ({@code "recipient_id"}, {@code "wa_id"}, …) and every phone-like
     * digit run in error texts, or, in a body that is not JSON, every phone-like digit run. Everything else (ids, timestamps, layout) stays as it was, so a masked
     * body reads like the original. Meant for display; the stored body is never changed.
     */
    public static String maskBody(String body) {
        if (body == null || body.isEmpty()) {
            return body;
        }
        String masked = replace(PHONE_MEMBER, body, PhoneMask::maskJsonValue);
        masked = replace(TEXT_MEMBER, masked, PhoneMask::maskAll);
        if (looksLikeJson(body)) {
            return masked; // elsewhere in JSON, 10+ digit runs are timestamps and ids: leave them
        }
        return maskAll(replace(FORM_PHONE, masked, PhoneMask::maskPhoneText)); // forms and plain text
    }

    private static boolean looksLikeJson(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (!Character.isWhitespace(c) && c != '\uFEFF') {
                return c == '{' || c == '[';
            }
        }
        return false;
    }

    /** A JSON phone member's value as written (string, number, or a string cut short): masked, as a string. */
    private static String maskJsonValue(String value) {
        if (!value.startsWith("\"")) {
            return "\"" + maskPhoneText(value) + "\"";
        }
        if (value.length() == 1 || !value.endsWith("\"")) {
            return value.replaceAll("[0-9]", "•"); // cut short: what is left may be any part of the number
        }
        return "\"" + maskPhoneText(value.substring(1, value.length() - 1)) + "\"";
    }

    /** One value known to be a phone, in whatever spelling: nothing dialable is left. */
    private static String maskPhoneText(String value) {
        if (value.matches("\\+?[0-9]{7,}")) {
            return mask(value);
        }
        String masked = maskAll(value);
        // short, spaced or prefixed ("whatsapp:+1…", "+91 98765 43210"): hide every digit
        return masked.equals(value) ? value.replaceAll("[0-9]", "•") : masked;
    }

    private static String replace(Pattern pattern, String text, java.util.function.UnaryOperator<String> value) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + value.apply(m.group(2))));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
