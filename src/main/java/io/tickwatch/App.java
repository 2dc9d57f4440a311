package io.tickwatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tickwatch.config.Settings;
import io.tickwatch.ingest.GroupCommitWriter;
import io.tickwatch.ingest.IngestMetrics;
import io.tickwatch.ingest.IngestQueue;
import io.tickwatch.ingest.RequestCounters;
import io.tickwatch.live.LiveMessages;
import io.tickwatch.live.LiveSummary;
import io.tickwatch.receiver.ReceiverLimits;
import io.tickwatch.receiver.RequestLog;
import io.tickwatch.receiver.WebhookServer;
import io.tickwatch.store.CommitListener;
import io.tickwatch.store.JdbcStatusStore;
import io.tickwatch.store.StoreFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the one class that knows every part and wires them with constructors.
 * {@link #start} opens the store, starts the writer and the server; {@link #close} stops them in the
 * order that loses nothing (stop accepting, answer what is in flight, drain the queue, close the store).
 */
public final class App implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(App.class);
    /** Recent webhook requests kept in memory for the inspector. */
    private static final int REQUEST_LOG_SIZE = 500;

    private final JdbcStatusStore store;
    private final GroupCommitWriter writer;
    private final WebhookServer server;
    private final LiveSummary live;
    private final LiveMessages liveMessages;
    private boolean closed;

    private App(JdbcStatusStore store, GroupCommitWriter writer, WebhookServer server, LiveSummary live,
                LiveMessages liveMessages) {
        this.store = store;
        this.writer = writer;
        this.server = server;
        this.live = live;
        this.liveMessages = liveMessages;
    }

    public static App start(Settings settings) {
        JdbcStatusStore store = StoreFactory.open(settings.db(), settings.poolSize());
        List<AutoCloseable> opened = new ArrayList<>(List.of(store));
        try {
            PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            IngestMetrics metrics = new IngestMetrics(prometheus);
            RequestCounters counters = new RequestCounters();
            IngestQueue queue = new IngestQueue(settings.queueCapacity());
            LiveSummary live = new LiveSummary(store, queue::queuedItems);
            // Only a dashboard needs the cross-process live model: a headless receiver would hold a LISTEN
            // connection and recount the funnel for nobody.
            LiveMessages liveMessages = settings.headless() ? null
                    : new LiveMessages(store, StoreFactory.changeFeed(settings.db()), LiveMessages.Options.DEFAULT);
            List<CommitListener> listeners = liveMessages == null ? List.of(live) : List.of(live, liveMessages);
            GroupCommitWriter writer = new GroupCommitWriter(store, queue, counters, metrics, listeners,
                    settings.maxBatchItems());
            writer.start();
            opened.add(0, writer);
            WebhookServer server = new WebhookServer(
                    new WebhookServer.Options(settings.bind(), settings.port(),
                            new ReceiverLimits(settings.maxBodyBytes(), settings.maxItemsPerRequest(),
                                    settings.clientTimeoutMillis()),
                            settings.appSecret(), settings.verifyToken(), settings.apiToken(),
                            settings.webhookToken(), settings.allowedSources(), settings.rateLimit(),
                            settings.maxConnections()),
                    new WebhookServer.Parts(store, queue, writer, counters, metrics, new RequestLog(REQUEST_LOG_SIZE),
                            prometheus, new ObjectMapper(), Version.current()));
            server.start();
            live.start();
            if (liveMessages != null) {
                liveMessages.start();
                opened.add(0, liveMessages);
            }
            if (settings.appSecret() == null && settings.webhookToken() == null && isWildcard(settings.bind())) {
                LOG.warn("Listening on every interface without an app secret or webhook token: anyone who can "
                        + "reach this port can post statuses. Set TICKWATCH_APP_SECRET or TICKWATCH_WEBHOOK_TOKEN.");
            }
            LOG.info("Listening on {}", server.webhookUrl());
            return new App(store, writer, server, live, liveMessages);
        } catch (RuntimeException e) {
            for (AutoCloseable c : opened) {
                try {
                    c.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    private static boolean isWildcard(String bind) {
        return "0.0.0.0".equals(bind) || "::".equals(bind) || "[::]".equals(bind);
    }

    public String webhookUrl() {
        return server.webhookUrl();
    }

    public int port() {
        return server.port();
    }

    public String storeDescription() {
        return store.describe();
    }

    public LiveSummary live() {
        return live;
    }

    /** The live model for a dashboard (changes of every instance on the same database); empty when headless. */
    public Optional<LiveMessages> liveMessages() {
        return Optional.ofNullable(liveMessages);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("Shutting down: no new requests, answering those in flight");
        server.close();
        writer.close();
        live.close();
        if (liveMessages != null) {
            liveMessages.close();
        }
        store.close();
        LOG.info("Stopped; store closed");
    }
}
