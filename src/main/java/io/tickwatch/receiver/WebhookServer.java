package io.tickwatch.receiver;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
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
import io.undertow.server.handlers.GracefulShutdownHandler;
import io.undertow.server.handlers.PathHandler;
import java.net.InetSocketAddress;
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
    public record Parts(StatusStore store, IngestQueue queue, GroupCommitWriter writer, RequestCounters counters, IngestMetrics metrics,
                        PrometheusMeterRegistry prometheus, ObjectMapper mapper, String version) {
    }

    /** Network and security settings of the receiver. */
    public record Options(String bind, int port, ReceiverLimits limits, String appSecret, String verifyToken,
                          String apiToken) {
    }

    private final Options options;
    private final GracefulShutdownHandler graceful;
    private Undertow undertow;
    private int port;

    public WebhookServer(Options options, Parts parts) {
        this.options = options;
        Answers answers = new Answers(parts.mapper());
        WebhookHandler webhook = new WebhookHandler(options.limits(), options.appSecret(), options.verifyToken(),
                FormatDetector.standard(), new StatusValidator(), parts.queue(), parts.counters(), parts.metrics(),
                answers, parts.writer()::isFailing);
        HttpHandler metrics = exchange -> answers.text(exchange, 200, parts.prometheus().scrape());
        PathHandler routes = Handlers.path(exchange -> answers.error(exchange, 404, "not_found",
                        "no such resource; webhooks go to POST /webhook"))
                .addExactPath("/webhook", webhook)
                .addExactPath("/health", new HealthHandler(parts.store(), parts.writer(), parts.queue(), answers, parts.version()))
                .addExactPath("/metrics", new ApiAccess(options.apiToken(), answers, metrics))
                .addPrefixPath("/api", new ApiAccess(options.apiToken(), answers, new ApiHandler(parts.store(), answers)));
        this.graceful = Handlers.gracefulShutdown(routes);
    }

    public void start() {
        undertow = Undertow.builder()
                .addHttpListener(options.port(), options.bind())
                .setIoThreads(Math.max(2, Runtime.getRuntime().availableProcessors()))
                .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, options.limits().maxBodyBytes())
                .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, 10_000)
                .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, 60_000)
                .setServerOption(UndertowOptions.IDLE_TIMEOUT, 60_000)
                .setHandler(graceful)
                .build();
        undertow.start();
        port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return port;
    }

    public String webhookUrl() {
        String host = options.bind().contains(":") ? "[" + options.bind() + "]" : options.bind();
        if ("0.0.0.0".equals(options.bind()) || "::".equals(options.bind())) {
            host = "127.0.0.1";
        }
        return "http://" + host + ":" + port + "/webhook";
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
        undertow = null;
    }
}
