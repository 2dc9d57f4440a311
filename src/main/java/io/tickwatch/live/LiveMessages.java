package io.tickwatch.live;

import io.tickwatch.model.MessageState;
import io.tickwatch.store.ChangeFeed;
import io.tickwatch.store.CommitListener;
import io.tickwatch.store.FunnelCounts;
import io.tickwatch.store.FunnelQuery;
import io.tickwatch.store.StatusStore;
import io.tickwatch.store.WriteBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live model of a dashboard that may share its database with other instances: the funnel and the
 * most recently changed messages, whoever wrote them. Changed ids arrive from this process's commits
 * ({@link CommitListener}) and from every other process's ({@link ChangeFeed}); a single model thread
 * folds them in at most every {@code tick} (so at most ~10 snapshots a second), and a periodic
 * reconciliation recounts from the store so that a lost notification cannot leave a view wrong for long.
 * No JavaFX here: the dashboard subscribes and hops to its own thread.
 */
public final class LiveMessages implements CommitListener, ChangeFeed.Listener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveMessages.class);

    /**
     * @param tick           how often pending changes are folded in (and the most often a snapshot appears)
     * @param funnelEvery    the least time between two funnel recounts while changes keep coming
     * @param reconcileEvery how often everything is re-read from the store whether or not notices came
     * @param recentLimit    how many recently changed messages the snapshot keeps
     */
    public record Options(Duration tick, Duration funnelEvery, Duration reconcileEvery, int recentLimit) {
        public static final Options DEFAULT = new Options(Duration.ofMillis(100), Duration.ofMillis(250),
                Duration.ofSeconds(5), 200);
    }

    /**
     * What the views show at one moment; immutable.
     *
     * @param recent      recently changed messages, the latest change first
     * @param listening   whether notices from other processes arrive right now (false on H2: nobody else writes)
     * @param reconciledAt when the model last re-read everything from the store (epoch millis)
     */
    public record Snapshot(FunnelCounts funnel, List<MessageState> recent, long version, boolean storeReachable,
                           boolean listening, long reconciledAt) {
        static final Snapshot EMPTY = new Snapshot(FunnelCounts.EMPTY, List.of(), 0, true, false, 0);
    }

    private final StatusStore store;
    private final ChangeFeed feed;
    private final Options options;
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final List<Consumer<Snapshot>> subscribers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tickwatch-live-model");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean reconcileNow = true;
    private volatile Snapshot snapshot = Snapshot.EMPTY;

    // model thread only
    private final LinkedHashMap<String, MessageState> recent = new LinkedHashMap<>();
    private long lastReconcile;
    private long lastFunnel;
    private boolean funnelStale = true;
    private FunnelCounts funnel = FunnelCounts.EMPTY;
    private boolean reachable = true;

    public LiveMessages(StatusStore store, ChangeFeed feed, Options options) {
        this.store = store;
        this.feed = feed;
        this.options = options;
    }

    public void start() {
        feed.start(this);
        thread.scheduleWithFixedDelay(this::tick, 0, options.tick().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Called on the model thread after each new snapshot. */
    public void subscribe(Consumer<Snapshot> subscriber) {
        subscribers.add(subscriber);
    }

    public Snapshot snapshot() {
        return snapshot;
    }

    @Override
    public void committed(WriteBatch batch) {
        batch.states().forEach(s -> pending.add(s.id()));
    }

    @Override
    public void changed(Set<String> messageIds) {
        pending.addAll(messageIds);
    }

    @Override
    public void missedSome() {
        reconcileNow = true;
    }

    private void tick() {
        long now = System.currentTimeMillis();
        boolean reconcile = reconcileNow || now - lastReconcile >= options.reconcileEvery().toMillis();
        Set<String> ids = drainPending();
        if (ids.isEmpty() && !reconcile && !funnelStale) {
            if (feed.isListening() != snapshot.listening()) {
                publish(); // the views show whether other instances' changes arrive live
            }
            return;
        }
        try {
            if (reconcile) {
                reconcileNow = false;
                ids.addAll(recent.keySet()); // re-read what we show, in case a notice was lost
            }
            if (!ids.isEmpty()) {
                remember(store.states(ids));
                funnelStale = true;
            }
            if (reconcile || (funnelStale && now - lastFunnel >= options.funnelEvery().toMillis())) {
                funnel = store.funnel(FunnelQuery.ALL);
                lastFunnel = now;
                funnelStale = false;
            }
            if (reconcile) {
                lastReconcile = now;
            }
            if (!reachable) {
                LOG.info("Live model reads the store again");
            }
            reachable = true;
        } catch (RuntimeException e) {
            pending.addAll(ids);
            reconcileNow = true;
            if (reachable) {
                LOG.warn("Live model cannot read the store; keeping the last figures: {}", e.toString());
            }
            reachable = false;
        }
        publish();
    }

    private Set<String> drainPending() {
        Set<String> ids = new HashSet<>();
        for (String id : pending) {
            if (pending.remove(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    private void remember(List<MessageState> states) {
        List<MessageState> latestLast = new ArrayList<>(states);
        latestLast.sort((a, b) -> Long.compare(a.lastReceived(), b.lastReceived()));
        for (MessageState s : latestLast) {
            recent.remove(s.id());
            recent.put(s.id(), s);
        }
        var it = recent.keySet().iterator();
        while (recent.size() > options.recentLimit() && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    private void publish() {
        List<MessageState> newestFirst = new ArrayList<>(recent.values());
        Collections.reverse(newestFirst);
        Snapshot next = new Snapshot(funnel, List.copyOf(newestFirst), snapshot.version() + 1, reachable,
                feed.isListening(), lastReconcile);
        snapshot = next;
        for (Consumer<Snapshot> s : subscribers) {
            try {
                s.accept(next);
            } catch (RuntimeException e) {
                LOG.warn("A live model subscriber failed", e);
            }
        }
    }

    @Override
    public void close() {
        feed.close();
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
