package io.tickwatch.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Capture files: JSON Lines, one request per line, {@code {"at":"<ISO-8601 instant>","headers":{"name":"value",…},
 * "body":"<raw body>"}}; {@code headers} may be left out, blank lines are skipped. Reading checks every line
 * before anything is replayed and names the first bad one.
 */
public final class CaptureFile {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private CaptureFile() {
    }

    public static List<CapturedRequest> read(Path file) throws IOException, BadCaptureFile {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.toString());
        } catch (java.nio.charset.MalformedInputException e) {
            throw new BadCaptureFile(file + ": not UTF-8 text");
        }
    }

    /** @param name how the file is called in error messages */
    public static List<CapturedRequest> read(BufferedReader in, String name) throws IOException, BadCaptureFile {
        List<CapturedRequest> requests = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            if (number == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1); // a byte-order mark some editors write
            }
            if (line.isBlank()) {
                continue;
            }
            try {
                requests.add(parse(line));
            } catch (IllegalArgumentException e) {
                throw new BadCaptureFile(name + ": line " + number + ": " + e.getMessage());
            }
        }
        if (requests.isEmpty()) {
            throw new BadCaptureFile(name + ": holds no requests (expected one JSON object per line: "
                    + "{\"at\":\"2024-05-01T10:15:30Z\",\"headers\":{…},\"body\":\"…\"})");
        }
        return requests;
    }

    private static CapturedRequest parse(String line) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object {\"at\",\"headers\",\"body\"}, found "
                    + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
        }
        JsonNode at = node.get("at");
        if (at == null || at.isNull()) {
            throw new IllegalArgumentException("\"at\" is missing (the time the request was received, ISO-8601)");
        }
        if (!at.isTextual()) {
            throw new IllegalArgumentException("\"at\" must be an ISO-8601 time as a string, e.g. \"2024-05-01T10:15:30Z\"");
        }
        JsonNode body = node.get("body");
        if (body == null || !body.isTextual()) {
            throw new IllegalArgumentException("\"body\" must be a string holding the raw request body");
        }
        return new CapturedRequest(instant(at.textValue()), headers(node.get("headers")), body.textValue());
    }

    private static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"at\" is not an ISO-8601 time with an offset: \"" + text + "\"");
        }
    }

    private static Map<String, String> headers(JsonNode headers) {
        Map<String, String> result = new LinkedHashMap<>();
        if (headers == null || headers.isNull()) {
            return result;
        }
        if (!headers.isObject()) {
            throw new IllegalArgumentException("\"headers\" must be an object of header names to string values");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            if (!h.getValue().isTextual()) {
                throw new IllegalArgumentException("header \"" + h.getKey() + "\" must have a string value");
            }
            result.put(h.getKey(), h.getValue().textValue());
        }
        return result;
    }

    /** Writes one request as one line. */
    public static void write(Writer out, CapturedRequest r) throws IOException {
        ObjectNode line = JSON.createObjectNode().put("at", r.at().toString());
        ObjectNode headers = line.putObject("headers");
        r.headers().forEach(headers::put);
        line.put("body", r.body());
        out.write(JSON.writeValueAsString(line));
        out.write('\n');
    }
}
