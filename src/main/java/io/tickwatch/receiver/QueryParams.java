package io.tickwatch.receiver;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A query string read strictly: form decoding ("+" is a space, so encode a literal plus as %2B),
 * malformed escapes refused instead of guessed.
 */
final class QueryParams {

    private final Map<String, String> values;

    private QueryParams(Map<String, String> values) {
        this.values = values;
    }

    /** @throws BadRequest on a malformed escape or a repeated parameter */
    static QueryParams parse(String rawQuery) throws BadRequest {
        Map<String, String> values = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return new QueryParams(values);
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (values.put(name, value) != null) {
                throw new BadRequest("invalid_query", "parameter '" + name + "' is given more than once");
            }
        }
        return new QueryParams(values);
    }

    private static String decode(String part) throws BadRequest {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequest("invalid_query", "malformed percent-encoding in the query string");
        }
    }

    /** The value, or null when absent or empty. */
    String get(String name) {
        String v = values.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    int intValue(String name, int defaultValue, int min, int max) throws BadRequest {
        String v = get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw new BadRequest("invalid_query", "'" + name + "' must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequest("invalid_query", "'" + name + "' must be a whole number");
        }
    }
}
