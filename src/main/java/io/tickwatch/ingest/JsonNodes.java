package io.tickwatch.ingest;

import com.fasterxml.jackson.databind.JsonNode;

/** Small helpers for describing JSON values in rejection reasons. */
public final class JsonNodes {

    private static final int SHOWN = 64;

    private JsonNodes() {
    }

    /** "an object", "an array", "a string", … for messages such as "must be a string, not an array". */
    public static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "missing";
        }
        switch (node.getNodeType()) {
            case OBJECT: return "an object";
            case ARRAY: return "an array";
            case STRING: return "a string";
            case NUMBER: return "a number";
            case BOOLEAN: return "a boolean";
            case NULL: return "null";
            default: return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Cuts long values so that a rejection reason stays readable. */
    public static String shorten(String text) {
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
    }
}
