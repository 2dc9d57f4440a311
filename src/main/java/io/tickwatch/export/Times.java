package io.tickwatch.export;

import java.time.Instant;

/** Instants in exports: ISO-8601 in UTC with a "Z" (e.g. 2023-12-10T11:30:00Z), whatever zone the screen shows. */
final class Times {

    private Times() {
    }

    static String utc(Long millis) {
        return millis == null ? "" : Instant.ofEpochMilli(millis).toString();
    }
}
