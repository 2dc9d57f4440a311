package io.tickwatch.ingest;

/**
 * Phone normalisation (FORMATS.md §3.7): "+" followed by the digits of the recipient id. Spaces,
 * dashes, brackets and any leading "+" are dropped, so "++" can never appear.
 */
public final class Phones {

    /** E.164 allows 15 digits; a little slack for providers that prefix trunk codes. */
    static final int MAX_DIGITS = 20;

    private Phones() {
    }

    /** @return "+digits", or null when the value holds no digits or is implausibly long */
    public static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder(raw.length() + 1).append('+');
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (Character.isLetter(c)) {
                return null; // a business-scoped user id or a group id, not a phone number
            }
        }
        int count = digits.length() - 1;
        return count == 0 || count > MAX_DIGITS ? null : digits.toString();
    }
}
