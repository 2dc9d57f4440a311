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
}
