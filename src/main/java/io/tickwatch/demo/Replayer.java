package io.tickwatch.demo;

import io.tickwatch.concurrent.ThreadPolicy;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Replays a capture against a receiver, {@code speed} times faster than it was recorded: request i goes out
 * {@code (at[i] − at[0]) / speed} after the start, with its body byte for byte and its headers — except the
 * proofs, which are made afresh for the target (a body is re-signed when the target has an app secret: the
 * captured signature belonged to another secret, or was redacted), and the headers the HTTP client sets itself.
 * A 503 or 429 is retried like the demo traffic does. Runs on the calling thread.
 */
public final class Replayer {

    /** Headers a replay does not copy: hop-by-hop and length headers the client sets, and old proofs. */
    static final Set<String> NOT_REPLAYED = Set.of("host", "content-length", "connection", "keep-alive", "expect",
            "upgrade", "transfer-encoding", "te", "trailer", "date", "from", "origin", "referer", "via", "warning",
            "http2-settings", "proxy-authorization", "proxy-connection",
            "x-hub-signature-256", "x-hub-signature", "x-tickwatch-token", "authorization");
    static final int MAX_IN_FLIGHT = 16;

    /** How a replay went. */
    public record Summary(int requests, long acknowledged, long retried, long refused, long abandoned, String lastProblem) {
    }

    private final List<CapturedRequest> requests;
    private final double speed;
    private final SimulationClock clock;

    /** @param speed 1 replays in the recorded rhythm, 10 ten times faster */
    public Replayer(List<CapturedRequest> requests, double speed, SimulationClock clock) {
        if (!(speed > 0) || speed > 1_000_000) {
            throw new IllegalArgumentException("the speed must be above 0 and at most 1000000, got " + speed);
        }
        List<CapturedRequest> ordered = new ArrayList<>(requests);
        ordered.sort(Comparator.comparing(CapturedRequest::at)); // stable: equal times keep the file's order
        this.requests = List.copyOf(ordered);
        this.speed = speed;
        this.clock = clock;
    }

    /** When each request goes out, as offsets in milliseconds from the start of the replay. */
    public List<Long> schedule() {
        List<Long> offsets = new ArrayList<>(requests.size());
        long first = requests.isEmpty() ? 0 : requests.get(0).at().toEpochMilli();
        for (CapturedRequest r : requests) {
            offsets.add(Math.round((r.at().toEpochMilli() - first) / speed));
        }
        return offsets;
    }

    /** Replays everything to {@code target}, then waits for the last answers. */
    public Summary replayTo(WebhookTarget target) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        DemoCounters counters = new DemoCounters();
        try (WebhookPoster poster = new WebhookPoster(http, target, MAX_IN_FLIGHT, counters, posted -> { },
                ThreadPolicy.NORMAL)) {
            List<Long> offsets = schedule();
            long start = clock.now();
            for (int i = 0; i < requests.size(); i++) {
                clock.awaitUntil(start + offsets.get(i));
                CapturedRequest r = requests.get(i);
                poster.post(r.body(), replayedHeaders(r.headers()), List.of());
            }
            poster.awaitIdle(WebhookPoster.REQUEST_TIMEOUT.toMillis() * WebhookPoster.MAX_ATTEMPTS);
        }
        return new Summary(requests.size(), counters.acknowledged.sum(), counters.retried.sum(), counters.refused.sum(),
                counters.abandoned.sum(), counters.lastProblem);
    }

    static Map<String, String> replayedHeaders(Map<String, String> captured) {
        Map<String, String> kept = new LinkedHashMap<>();
        captured.forEach((name, value) -> {
            String n = name.trim().toLowerCase(Locale.ROOT);
            if (!n.isEmpty() && !NOT_REPLAYED.contains(n) && !n.startsWith(":") && isToken(n) && value.indexOf('\n') < 0
                    && value.indexOf('\r') < 0) {
                kept.put(name.trim(), value);
            }
        });
        return kept;
    }

    /** An HTTP header name (RFC 9110 token); anything else would be refused by the client. */
    private static boolean isToken(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
                return false;
            }
        }
        return true;
    }

    public int size() {
        return requests.size();
    }
}
