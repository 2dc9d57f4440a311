package io.tickwatch.demo;

import io.tickwatch.concurrent.ThreadPolicy;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo traffic for one running Tickwatch: what the dashboard's "Demo traffic" button and {@code --demo} start
 * and stop. Each start begins a fresh {@link TrafficSimulator} on the wall clock posting to the application's
 * own webhook URL over real HTTP, signed and with the token when the receiver requires them. {@link #start} and
 * {@link #stop} may block for a few seconds (stopping waits for answers under way): call them off the FX thread.
 * {@link #stats()} and {@link #isRunning()} never block.
 */
public final class DemoTraffic implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoTraffic.class);
    /** Webhooks under way at once: enough for thousands of statuses a second, few enough to back off quickly. */
    static final int MAX_IN_FLIGHT = 32;

    private volatile WebhookTarget target;
    private final ThreadPolicy threads;
    private HttpClient http; // made at the first start: building one costs ~half a second (TLS set-up) and a thread
    private volatile DemoConfig config = DemoConfig.defaults();
    private volatile TrafficSimulator current;
    private volatile DemoCounters counters = new DemoCounters();

    /** @param threads the priority of the demo's threads: below the FX thread's with a window open, like Tickwatch's own */
    public DemoTraffic(WebhookTarget target, ThreadPolicy threads) {
        this.target = target;
        this.threads = threads;
    }

    /** Starts with the last configuration used (the defaults at first). */
    public void start() {
        start(config);
    }

    /** Starts (or restarts, when running) with {@code newConfig}. */
    public synchronized void start(DemoConfig newConfig) {
        stopCurrent();
        if (http == null) {
            http = newHttpClient();
        }
        DemoCounters fresh = new DemoCounters();
        TrafficSimulator simulator = new TrafficSimulator(newConfig, SimulationClock.wall(),
                new WebhookPoster(http, target, MAX_IN_FLIGHT, fresh, posted -> { }, threads), fresh, 0, threads);
        config = newConfig;
        counters = fresh;
        current = simulator;
        simulator.start();
        LOG.info("Demo traffic started: {} messages/s to {} phones, posting to {}",
                newConfig.messagesPerSecond(), newConfig.phones(), target.url());
    }

    /** Stops: once this returns no demo request is started any more. Does nothing when not running. */
    public synchronized void stop() {
        if (stopCurrent()) {
            DemoStats s = stats();
            LOG.info("Demo traffic stopped after {} messages ({} webhooks answered 200, {} retried, {} refused)",
                    s.messages(), s.acknowledged(), s.retried(), s.refused());
        }
    }

    private boolean stopCurrent() {
        TrafficSimulator running = current;
        if (running == null) {
            return false;
        }
        running.stop();
        current = null;
        return true;
    }

    public boolean isRunning() {
        TrafficSimulator running = current;
        return running != null && running.isRunning();
    }

    /** What the current (or last) run has done. */
    public DemoStats stats() {
        return counters.snapshot(isRunning(), config.messagesPerSecond());
    }

    /** The configuration of the current (or last) run. */
    public DemoConfig config() {
        return config;
    }

    public WebhookTarget target() {
        return target;
    }

    /**
     * The receiver moved or its proofs changed (settings applied without a restart): later webhooks go
     * there, signed with the new secret; a running demo restarts at once with its configuration.
     */
    public synchronized void retarget(WebhookTarget newTarget) {
        if (newTarget.equals(target)) {
            return;
        }
        target = newTarget;
        if (isRunning()) {
            start(config);
        }
    }

    /**
     * HTTP/1.1: the receiver is plain HTTP, and an h2c upgrade attempt per connection would only add a round trip.
     * Its completions run on threads of the policy; its selector thread, which the client starts itself, takes the
     * priority of the thread that builds the client, so the client is built on one of the policy's threads.
     */
    private HttpClient newHttpClient() {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newCachedThreadPool(threads.factory("tickwatch-demo-http")));
        CompletableFuture<HttpClient> built = new CompletableFuture<>();
        threads.newThread(() -> {
            try {
                built.complete(builder.build());
            } catch (RuntimeException | Error e) {
                built.completeExceptionally(e);
            }
        }, "tickwatch-demo-setup").start();
        return built.join();
    }

    @Override
    public void close() {
        stop();
    }
}
