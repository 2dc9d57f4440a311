package io.tickwatch.demo;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One webhook request of a capture: when it was received, its headers and its raw body — one line of a
 * capture file, {@code {"at":"2024-05-01T10:15:30.123Z","headers":{…},"body":"…"}}.
 */
public record CapturedRequest(Instant at, Map<String, String> headers, String body) {

    public CapturedRequest {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(body, "body");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
