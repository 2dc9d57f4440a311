package io.tickwatch.receiver;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tickwatch.concurrent.ThreadPolicy;
import io.tickwatch.ingest.GroupCommitWriter;
import io.tickwatch.ingest.IngestMetrics;
import io.tickwatch.ingest.IngestQueue;
import io.tickwatch.ingest.RequestCounters;
import io.tickwatch.ingest.StatusValidator;
import io.tickwatch.receiver.formats.FormatDetector;
import io.tickwatch.store.StatusStore;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.BlockingHandler;
import io.undertow.server.handlers.GracefulShutdownHandler;
import io.undertow.server.handlers.PathHandler;
import io.tickwatch.config.Cidr;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Undertow server: routes, limits and a graceful stop (refuse new requests, let the
 * ones in flight get their answer after the commit).
 */
public final class WebhookServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookServer.class);

    /** What the server needs, gathered so the constructor stays readable. */
    public record Parts(StatusStore store, IngestQueue queue, GroupCommitWriter writer, RequestCounters counters,
                        IngestMetrics metrics, RequestLog requestLog, PrometheusMeterRegistry prometheus,
                        ObjectMapper mapper, String version, ThreadPolicy threads) {
    }

    /** Network and security settings of the receiver. */
    public record Options(String bind, int port, String webhookPath, ReceiverLimits limits, String appSecret, String verifyToken,
                          String apiToken, String webhookToken, List<Cidr> allowedSources, int rateLimit,
                          int maxConnections) {
    }

    /** Refused bodies up to this size are read to the end before the connection is reused or closed. */
    private static final long DRAIN_AT_LEAST = 16L * 1024 * 1024;

    private final Parts parts;
    private final Answers answers;
    private final GracefulShutdownHandler graceful;
    private volatile Options options;
    /** Everything behind the connection limit; replaced whole by {@link #reconfigure}. */
    private volatile HttpHandler routes;
    private Undertow undertow;
    private org.xnio.XnioWorker worker;
    private int port;

    public WebhookServer(Options options, Parts parts) {
        this.options = options;
        this.parts = parts;
        this.answers = new Answers(parts.mapper());
        this.routes = routes(options);
        HttpHandler current = exchange -> routes.handleRequest(exchange);
        this.graceful = Handlers.gracefulShutdown(new ConnectionLimit(options.maxConnections(), answers, current));
    }

    private HttpHandler routes(Options options) {
        HttpHandler webhook = new WebhookHandler(options.limits(),
                new WebhookAuth(options.appSecret(), options.webhookToken()), options.verifyToken(),
                FormatDetector.standard(), new StatusValidator(), parts.queue(), parts.counters(), parts.metrics(),
                answers, parts.writer()::isFailing);
        if (options.rateLimit() > 0) {
            webhook = new SourceRateLimit(options.rateLimit(), 2.0 * options.rateLimit(), System::nanoTime, answers,
                    webhook);
        }
        webhook = new RequestRecorder(parts.requestLog(), new SourceAllowList(options.allowedSources(), answers,
                webhook));
        // Scraping walks every meter: on a worker, never on an IO thread.
        HttpHandler metrics = new BlockingHandler(exchange -> answers.text(exchange, 200, parts.prometheus().scrape()));
        return Handlers.path(exchange -> answers.error(exchange, 404, "not_found",
                        "no such resource; webhooks go to POST " + options.webhookPath()))
                .addExactPath(options.webhookPath(), webhook)
                .addExactPath("/health", new HealthHandler(parts.store(), parts.writer(), parts.queue(), answers, parts.version()))
                .addExactPath("/metrics", new ApiAccess(options.apiToken(), answers, metrics))
                .addPrefixPath("/api", new ApiAccess(options.apiToken(), answers, new ApiHandler(parts.store(), parts.requestLog(), answers)));
    }

    /** The options the server answers with now. */
    public Options options() {
        return options;
    }

    /**
     * True when {@code next} differs only in what the routes hold (webhook path, secrets, tokens, sources,
     * rate limit), so {@link #reconfigure} can apply it on the open listener.
     */
    public boolean canReconfigure(Options next) {
        // the port asked for, or the one bound (a receiver started on port 0 may be pinned to its port)
        return next.bind().equals(options.bind()) && (next.port() == options.port() || next.port() == port)
                && next.limits().equals(options.limits()) && next.maxConnections() == options.maxConnections();
    }

    /**
     * Swaps in new routes built from {@code next} without closing the listener: a request already being
     * handled finishes with the routes it started with (its handlers hold the shared queue and writer, so
     * it is still answered after its commit); the next request sees the new path, secrets and tokens.
     */
    public void reconfigure(Options next) {
        if (!canReconfigure(next)) {
            throw new IllegalArgumentException("address, port or limits changed: start a new server instead");
        }
        HttpHandler fresh = routes(next);
        options = next;
        routes = fresh;
        LOG.info("Receiver reconfigured: {}", webhookUrl());
    }

    public void start() {
        worker = ReceiverWorker.start(parts.threads());
        undertow = Undertow.builder()
                .addHttpListener(options.port(), options.bind())
                .setWorker(worker)
                // A backstop for every endpoint; /webhook refuses at its own limit before this is reached.
                // Up to here a refused body is drained so that a sender still uploading reads its 413 (a
                // close under its upload would reset the connection and lose the answer); beyond, the
                // connection is closed.
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE,
                        Math.max(4 * options.limits().maxBodyBytes(), DRAIN_AT_LEAST))
                // Slow clients (slowloris): headers must arrive within the client timeout (the body has the
                // same deadline, kept by WebhookHandler); idle keep-alive connections get a minute.
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, options.limits().clientTimeoutMillis())
                .setServerOption(UndertowOptions.IDLE_TIMEOUT, 60_000)
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, 60_000)
                // Hard cap behind ConnectionLimit's polite 503: stop accepting at twice the limit.
                .setSocketOption(org.xnio.Options.CONNECTION_HIGH_WATER, 2 * options.maxConnections())
                .setSocketOption(org.xnio.Options.CONNECTION_LOW_WATER, 2 * options.maxConnections())
                .setHandler(graceful)
                .build();
        try {
            undertow.start();
        } catch (RuntimeException e) {
            // e.g. the port is taken: leave nothing half-started behind, and say where
            try {
                undertow.stop();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            ReceiverWorker.stop(worker);
            undertow = null;
            worker = null;
            throw new IllegalStateException("cannot listen on " + options.bind() + ":" + options.port() + ": "
                    + rootMessage(e), e);
        }
        port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return port;
    }

    public String webhookUrl() {
        Options options = this.options;
        String host = options.bind().contains(":") ? "[" + options.bind() + "]" : options.bind();
        if ("0.0.0.0".equals(options.bind()) || "::".equals(options.bind())) {
            host = "127.0.0.1";
        }
        return "http://" + host + ":" + port + options.webhookPath();
    }

    /** Refuses new requests (503) and waits for those in flight, then stops listening. */
    @Override
    public void close() {
        if (undertow == null) {
            return;
        }
        graceful.shutdown();
        try {
            if (!graceful.awaitShutdown(TimeUnit.SECONDS.toMillis(15))) {
                LOG.warn("Requests still in flight after 15 s; stopping anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        undertow.stop();
        ReceiverWorker.stop(worker);
        undertow = null;
        worker = null;
    }
}
