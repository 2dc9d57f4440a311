package io.tickwatch;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tickwatch.concurrent.ThreadPolicy;
import io.tickwatch.config.Settings;
import io.tickwatch.demo.DemoTraffic;
import io.tickwatch.demo.WebhookTarget;
import io.tickwatch.ingest.GroupCommitWriter;
import io.tickwatch.ingest.IngestMetrics;
import io.tickwatch.ingest.IngestQueue;
import io.tickwatch.ingest.RequestCounters;
import io.tickwatch.live.OverviewFeed;
import io.tickwatch.live.StatusRate;
import io.tickwatch.receiver.ReceiverLimits;
import io.tickwatch.receiver.RequestLog;
import io.tickwatch.receiver.WebhookServer;
import io.tickwatch.store.DashboardQueries;
import io.tickwatch.store.JdbcDashboardQueries;
import io.tickwatch.store.ChangeFeed;
import io.tickwatch.store.JdbcStatusStore;
import io.tickwatch.store.StoreFactory;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
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
    /** Replaced when the receiver moves to another address ({@link #reconfigureReceiver}). */
    private volatile WebhookServer server;
    private final WebhookServer.Parts serverParts;
    private final DashboardQueries dashboardQueries;
    private final OverviewFeed overview;
    private final ChangeFeed changeFeed;
    private final Settings settings;
    private final RequestLog requestLog;
    private final DemoTraffic demo;
    private final ThreadPolicy threads;
    private boolean closed;

    private App(JdbcStatusStore store, GroupCommitWriter writer, WebhookServer server,
                DashboardQueries dashboardQueries, OverviewFeed overview, ChangeFeed changeFeed, Settings settings,
                RequestLog requestLog, WebhookServer.Parts serverParts, DemoTraffic demo, ThreadPolicy threads) {
        this.threads = threads;
        this.serverParts = serverParts;
        this.demo = demo;
        this.settings = settings;
        this.requestLog = requestLog;
        this.store = store;
        this.writer = writer;
        this.server = server;
        this.dashboardQueries = dashboardQueries;
        this.overview = overview;
        this.changeFeed = changeFeed;
    }

    public static App start(Settings settings) {
        JdbcStatusStore store = StoreFactory.open(settings.db(), settings.dbUser(), settings.dbPassword(), settings.poolSize());
        List<AutoCloseable> opened = new ArrayList<>(List.of(store));
        try {
            PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new JvmMemoryMetrics().bindTo(prometheus); // heap and non-heap on /metrics, for operators and the benchmark
            IngestMetrics metrics = new IngestMetrics(prometheus);
            RequestCounters counters = new RequestCounters();
            IngestQueue queue = new IngestQueue(settings.queueCapacity());
            DashboardQueries dashboardQueries = JdbcDashboardQueries.over(store);
            StatusRate rate = new StatusRate(System::currentTimeMillis);
            // With a window open, the background yields the CPU to the FX thread (ThreadPolicy, README "The dashboard")
            ThreadPolicy threads = settings.headless() ? ThreadPolicy.NORMAL : ThreadPolicy.BELOW_UI;
            OverviewFeed overview = new OverviewFeed(store, dashboardQueries, rate, queue::queuedItems,
                    System::currentTimeMillis, threads);
            opened.add(0, overview);
            GroupCommitWriter writer = new GroupCommitWriter(store, queue, counters, metrics, List.of(rate),
                    settings.maxBatchItems(), threads);
            writer.start();
            opened.add(0, writer);
            RequestLog requestLog = new RequestLog(REQUEST_LOG_SIZE);
            WebhookServer.Parts serverParts = new WebhookServer.Parts(store, queue, writer, counters, metrics,
                    requestLog, prometheus, new ObjectMapper(), Version.current(), threads);
            WebhookServer server = new WebhookServer(receiverOptions(settings), serverParts);
            server.start();
            opened.add(0, server);
            // Only a dashboard needs to hear other instances' commits (PostgreSQL LISTEN/NOTIFY): a headless
            // receiver would hold a listening connection for nobody. The overview also recounts every few
            // seconds, so a lost notification cannot leave it wrong.
            ChangeFeed changeFeed = settings.headless() ? ChangeFeed.NONE : StoreFactory.changeFeed(settings.db(), settings.dbUser(), settings.dbPassword());
            opened.add(0, changeFeed);
            changeFeed.start(overview);
            if (settings.appSecret() == null && settings.webhookToken() == null && isWildcard(settings.bind())) {
                LOG.warn("Listening on every interface without an app secret or webhook token: anyone who can "
                        + "reach this port can post statuses. Set TICKWATCH_APP_SECRET or TICKWATCH_WEBHOOK_TOKEN.");
            }
            LOG.info("Listening on {}", server.webhookUrl());
            // Demo traffic goes to our own receiver over real HTTP, with the proofs it requires, like a provider
            DemoTraffic demo = new DemoTraffic(new WebhookTarget(URI.create(server.webhookUrl()), settings.appSecret(),
                    settings.webhookToken()), threads);
            opened.add(0, demo);
            if (settings.demo()) {
                demo.start();
            }
            return new App(store, writer, server, dashboardQueries, overview, changeFeed, settings, requestLog,
                    serverParts, demo, threads);
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

    private static WebhookServer.Options receiverOptions(Settings settings) {
        return new WebhookServer.Options(settings.bind(), settings.port(), settings.webhookPath(),
                new ReceiverLimits(settings.maxBodyBytes(), settings.maxItemsPerRequest(), settings.clientTimeoutMillis()),
                settings.appSecret(), settings.verifyToken(), settings.apiToken(), settings.webhookToken(),
                settings.allowedSources(), settings.rateLimit(), settings.maxConnections());
    }

    /**
     * Applies new receiver settings (address, port, webhook path, secrets, tokens, allowed sources, rate
     * limit) without a restart. On the
     * same address the routes are swapped on the open listener (no request refused); on a new one the new
     * listener starts first, then the old one stops as at shutdown: it answers what is in flight (after the
     * commit, as always) and refuses new requests with 503, which providers retry. If the new address cannot
     * be bound, the receiver stays where it was and the exception says why. Blocks for up to the old
     * listener's drain time: call it off the FX thread.
     *
     * @return the webhook URL now
     */
    public synchronized String reconfigureReceiver(Settings next) {
        if (closed) {
            throw new IllegalStateException("Tickwatch is shutting down");
        }
        WebhookServer current = server;
        WebhookServer.Options asked = receiverOptions(next);
        // Body and connection limits are listener options: they change at the next start, not here.
        WebhookServer.Options options = new WebhookServer.Options(asked.bind(), asked.port(), asked.webhookPath(),
                current.options().limits(), asked.appSecret(), asked.verifyToken(), asked.apiToken(),
                asked.webhookToken(), asked.allowedSources(), asked.rateLimit(), current.options().maxConnections());
        if (options.equals(current.options())) {
            return current.webhookUrl();
        }
        if (current.canReconfigure(options)) {
            current.reconfigure(options);
        } else {
            WebhookServer moved = new WebhookServer(options, serverParts);
            moved.start(); // throws, naming the address, when it cannot listen there; the old one keeps running
            server = moved;
            current.close();
            LOG.info("Listening on {}", moved.webhookUrl());
        }
        demo.retarget(new WebhookTarget(URI.create(server.webhookUrl()), options.appSecret(), options.webhookToken()));
        return server.webhookUrl();
    }

    private static boolean isWildcard(String bind) {
        return "0.0.0.0".equals(bind) || "::".equals(bind) || "[::]".equals(bind);
    }

    /** The settings this instance started with. */
    public Settings settings() {
        return settings;
    }

    /** Recent webhook requests, newest last, for the request inspector. */
    public RequestLog requestLog() {
        return requestLog;
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

    /** The dashboard's queries; they block, so callers run them off the FX thread. */
    public DashboardQueries dashboardQueries() {
        return dashboardQueries;
    }

    /** The dashboard's live model; the dashboard starts it, so headless receivers never run its queries. */
    public OverviewFeed overview() {
        return overview;
    }

    /** The priority of this instance's background threads; a dashboard's own query threads use it too. */
    public ThreadPolicy threads() {
        return threads;
    }

    /** Demo traffic to this receiver: started by {@code --demo} or from the dashboard. */
    public DemoTraffic demo() {
        return demo;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("Shutting down: no new requests, answering those in flight");
        demo.close(); // our own traffic first, so the receiver's last answers are not to ourselves
        server.close();
        writer.close();
        changeFeed.close();
        overview.close();
        store.close();
        LOG.info("Stopped; store closed");
    }
}
