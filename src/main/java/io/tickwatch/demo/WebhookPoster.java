package io.tickwatch.demo;

import io.tickwatch.concurrent.ThreadPolicy;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts webhook bodies to a {@link WebhookTarget} asynchronously, signed and with the token when the target
 * asks for them, like a provider would: a 503 or 429 (or a failed connection) is retried after a back-off — the
 * {@code Retry-After} the receiver gave, else doubling from 250 ms — and counted; any other refusal is counted and
 * dropped. At most {@code maxInFlight} webhooks are under way: {@link #post} blocks the caller (the scheduler
 * thread) beyond that, which is how a busy receiver slows the simulator down. After {@link #close()} returns no
 * request is started any more.
 */
final class WebhookPoster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookPoster.class);
    static final int MAX_ATTEMPTS = 12;
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final long MAX_BACKOFF_MILLIS = 10_000;
    private static final long CLOSE_PATIENCE_MILLIS = 5_000;

    /** A webhook the receiver answered 200, with the status items it carried (none for a replayed body). */
    record Posted(String body, List<Emission> items) {
    }

    /** Hears of every webhook answered 200, on an HTTP client thread. */
    interface Listener {
        void acknowledged(Posted posted);
    }

    private final HttpClient http;
    private final WebhookTarget target;
    private final int maxInFlight;
    private final Semaphore permits;
    private final DemoCounters counters;
    private final Listener listener;
    private final ScheduledExecutorService retries;
    private final Set<Waiting> waitingToRetry = ConcurrentHashMap.newKeySet();
    private final Object sending = new Object();
    private boolean closed; // guarded by sending

    WebhookPoster(HttpClient http, WebhookTarget target, int maxInFlight, DemoCounters counters, Listener listener,
                  ThreadPolicy threads) {
        this.http = http;
        this.target = target;
        this.maxInFlight = maxInFlight;
        this.permits = new Semaphore(maxInFlight);
        this.counters = counters;
        this.listener = listener;
        this.retries = Executors.newSingleThreadScheduledExecutor(threads.factoryNamed("tickwatch-demo-retry"));
    }

    /** Posts {@code body} (blocking only while {@code maxInFlight} webhooks are under way). */
    void post(String body, Map<String, String> headers, List<Emission> items) throws InterruptedException {
        Attempt attempt = new Attempt(request(body, headers), new Posted(body, items)); // a bad header fails here
        permits.acquire();
        counters.requests.increment();
        send(attempt);
    }

    private HttpRequest request(String body, Map<String, String> headers) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder b = HttpRequest.newBuilder(target.url()).timeout(REQUEST_TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        boolean typed = false;
        for (Map.Entry<String, String> h : headers.entrySet()) {
            b.header(h.getKey(), h.getValue());
            typed |= h.getKey().equalsIgnoreCase("Content-Type");
        }
        if (!typed) {
            b.header("Content-Type", "application/json");
        }
        if (target.appSecret() != null) {
            b.header("X-Hub-Signature-256", "sha256=" + HexFormat.of().formatHex(hmacSha256(target.appSecret(), bytes)));
        }
        if (target.webhookToken() != null) {
            b.header("X-Tickwatch-Token", target.webhookToken());
        }
        return b.build();
    }

    /** Meta's signature: HMAC-SHA256 of the raw body bytes with the app secret. */
    static byte[] hmacSha256(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private void send(Attempt a) {
        synchronized (sending) {
            if (closed) {
                abandon("stopped before it could be sent");
                return;
            }
            a.number++;
            http.sendAsync(a.request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .whenComplete((response, error) -> answered(a, response, error));
        }
    }

    private void answered(Attempt a, HttpResponse<String> response, Throwable error) {
        if (error != null) {
            retryLater(a, -1, "could not reach " + target.url() + ": " + rootMessage(error));
            return;
        }
        int status = response.statusCode();
        if (status == 200) {
            counters.acknowledged.increment();
            counters.statusesAcknowledged.add(a.posted.items().size());
            try {
                listener.acknowledged(a.posted);
            } finally {
                permits.release();
            }
        } else if (status == 503 || status == 429) {
            retryLater(a, retryAfterMillis(response), "HTTP " + status + " from " + target.url());
        } else {
            counters.refused.increment();
            String problem = "HTTP " + status + " from " + target.url() + ": " + shorten(response.body());
            if (counters.lastProblem == null || !counters.lastProblem.equals(problem)) {
                LOG.warn("Demo webhook refused: {}", problem);
            }
            counters.lastProblem = problem;
            permits.release();
        }
    }

    private void retryLater(Attempt a, long askedMillis, String why) {
        counters.retried.increment();
        if (a.number >= MAX_ATTEMPTS) {
            abandon("gave up after " + a.number + " attempts: " + why);
            return;
        }
        long backoff = askedMillis >= 0 ? Math.min(askedMillis, MAX_BACKOFF_MILLIS)
                : Math.min(MAX_BACKOFF_MILLIS, 250L << Math.min(a.number - 1, 10));
        backoff += ThreadLocalRandom.current().nextLong(backoff / 5 + 1); // senders that retry in step hit together
        Waiting waiting = new Waiting();
        synchronized (sending) {
            if (closed) {
                abandon("stopped while waiting to retry");
                return;
            }
            waitingToRetry.add(waiting);
            retries.schedule(() -> {
                if (waiting.claim()) {
                    waitingToRetry.remove(waiting);
                    send(a);
                }
            }, backoff, TimeUnit.MILLISECONDS);
        }
    }

    /** A webhook given up: counted, and its place freed for the next. */
    private void abandon(String why) {
        counters.abandoned.increment();
        counters.lastProblem = why;
        permits.release();
    }

    private static long retryAfterMillis(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(v -> {
            try {
                return Math.max(0, Long.parseLong(v.trim())) * 1000;
            } catch (NumberFormatException e) {
                return -1L; // an HTTP date: use our own back-off
            }
        }).orElse(-1L);
    }

    /** Waits until nothing is under way; false if that took longer than {@code timeoutMillis}. */
    boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        if (!permits.tryAcquire(maxInFlight, timeoutMillis, TimeUnit.MILLISECONDS)) {
            return false;
        }
        permits.release(maxInFlight);
        return true;
    }

    /**
     * Starts no request any more, drops the webhooks waiting to be retried, and waits (a few seconds at most)
     * for the answers to those already sent.
     */
    @Override
    public void close() {
        synchronized (sending) {
            if (closed) {
                return;
            }
            closed = true;
        }
        retries.shutdownNow();
        for (Waiting w : List.copyOf(waitingToRetry)) {
            if (w.claim()) {
                waitingToRetry.remove(w);
                abandon("stopped while waiting to retry");
            }
        }
        try {
            if (!awaitIdle(CLOSE_PATIENCE_MILLIS)) {
                LOG.warn("Demo traffic stopped with webhooks still unanswered after {} ms", CLOSE_PATIENCE_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    private static String shorten(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
    }

    /** One webhook through its attempts. */
    private static final class Attempt {
        final HttpRequest request;
        final Posted posted;
        volatile int number;

        Attempt(HttpRequest request, Posted posted) {
            this.request = request;
            this.posted = posted;
        }
    }

    /** One wait before a retry; claimed once, by the retry or by {@link #close()}. */
    private static final class Waiting {
        private final AtomicBoolean claimed = new AtomicBoolean();

        boolean claim() {
            return claimed.compareAndSet(false, true);
        }
    }
}
