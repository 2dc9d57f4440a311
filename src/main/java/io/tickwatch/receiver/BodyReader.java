package io.tickwatch.receiver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickwatch.ingest.JsonNodes;
import java.io.IOException;

/**
 * Reads a webhook body by what it is, not by its Content-Type (FORMATS.md §1): anything that parses
 * as a JSON object is handled as JSON. Broken JSON and JSON that is not an object get 400; a body
 * that is not JSON at all (and not a form we know) gets 415. Duplicate keys and trailing garbage are
 * refused, so no two readers of the same bytes can disagree about what they said.
 */
final class BodyReader {

    /** Jackson's note that it hides the source; the line and column that follow are what helps. */
    private static final java.util.regex.Pattern HIDDEN_SOURCE =
            java.util.regex.Pattern.compile("\\[Source: REDACTED \\(`StreamReadFeature[^)]*\\) disabled\\); ");

    private final ObjectReader reader;

    BodyReader() {
        ObjectMapper strict = JsonMapper.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // 1e400 stays an exact (out-of-range) number instead of becoming Infinity
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
        this.reader = strict.reader();
    }

    /** Refusal of a body: the HTTP status, an error code and the reason. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        final int status;
        final String code;

        Refused(int status, String code, String message) {
            super(message, null, false, false);
            this.status = status;
            this.code = code;
        }
    }

    ObjectNode read(byte[] body) throws Refused {
        int first = firstSignificantByte(body);
        if (first < 0) {
            throw new Refused(400, "empty_body", "the body is empty; expected a JSON object");
        }
        if (notUtf8(body)) {
            throw new Refused(400, "invalid_encoding", "the body must be UTF-8 JSON (RFC 8259); it looks like UTF-16 or UTF-32");
        }
        JsonNode node;
        try {
            node = reader.readTree(body);
        } catch (JsonProcessingException e) {
            if (first == '{' || first == '[') {
                throw new Refused(400, "invalid_json", "the body is not valid JSON: "
                        + HIDDEN_SOURCE.matcher(e.getOriginalMessage()).replaceAll("[") + location(e));
            }
            throw new Refused(415, "unsupported_body", "the body is neither JSON nor a supported form; "
                    + "send a JSON object (On-Premises 'statuses' or a Cloud API envelope)");
        } catch (IOException e) {
            throw new Refused(400, "invalid_json", "the body could not be read: " + e.getMessage());
        } catch (NumberFormatException e) {
            // Found by fuzzing: Jackson throws this, not a parse error, for numbers like 1e10000001702207800123.
            throw new Refused(400, "invalid_json", "the body holds a number that cannot be represented");
        }
        if (node == null || node.isMissingNode()) {
            throw new Refused(400, "empty_body", "the body holds no JSON value; expected a JSON object");
        }
        if (!node.isObject()) {
            throw new Refused(400, "not_an_object", "the body must be a JSON object, not " + JsonNodes.kind(node));
        }
        return (ObjectNode) node;
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    /** UTF-16/32 byte-order marks, or a NUL among the first bytes (what UTF-16/32 JSON looks like). */
    private static boolean notUtf8(byte[] body) {
        if (body.length >= 2 && ((body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF
                || (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE)) {
            return true;
        }
        for (int i = 0; i < Math.min(4, body.length); i++) {
            if (body[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** The first byte that is not whitespace or a UTF-8 byte-order mark, or -1. */
    private static int firstSignificantByte(byte[] body) {
        int i = 0;
        if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        for (; i < body.length; i++) {
            int b = body[i] & 0xFF;
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b;
            }
        }
        return -1;
    }
}
