package io.tickwatch.demo;

import io.tickwatch.concurrent.ThreadPolicy;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of demo traffic. Its scheduler thread creates messages at Poisson arrival times, draws each one's
 * {@link MessagePlan}, keeps the status webhooks that are not yet due in a queue ordered by due time, and
 * posts those that fall due — gathered for {@code batchWindowMillis} into webhooks of at most
 * {@code maxStatusesPerRequest} items per format, as Meta batches — through the {@link WebhookPoster}.
 * Every random choice comes from one seeded generator used only by the scheduler thread, so a seeded run on
 * a {@link SimulationClock#virtual virtual clock} is reproducible.
 *
 * <p>On the wall clock a run lasts until {@link #stop()}; with {@code maxMessages} it ends by itself once that
 * many messages have all their webhooks answered ({@link #finished()}).
 */
public final class TrafficSimulator {

    private static final Logger LOG = LoggerFactory.getLogger(TrafficSimulator.class);
    /** On the wall clock, arrivals missed by more than this (the receiver held us back) are skipped, not caught up. */
    static final long MAX_LAG_MILLIS = 5_000;
    private static final long JOIN_MILLIS = 5_000;

    private final DemoConfig config;
    private final SimulationClock clock;
    private final WebhookPoster poster;
    private final DemoCounters counters;
    private final long maxMessages;
    private final long seed;
    private final WebhookBodies bodies = new WebhookBodies();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final Thread scheduler;
    private volatile boolean stopping;

    /** @param maxMessages 0 for no limit (until {@link #stop()}) */
    TrafficSimulator(DemoConfig config, SimulationClock clock, WebhookPoster poster, DemoCounters counters,
                     long maxMessages, ThreadPolicy threads) {
        this.config = config;
        this.clock = clock;
        this.poster = poster;
        this.counters = counters;
        this.maxMessages = maxMessages;
        this.seed = config.seed() != null ? config.seed() : new SecureRandom().nextLong();
        this.scheduler = threads.newThread(this::run, "tickwatch-demo-scheduler");
        this.scheduler.setUncaughtExceptionHandler((t, e) -> LOG.error("demo traffic failed", e));
    }

    public void start() {
        scheduler.start();
    }

    /** Whether the scheduler still creates or posts webhooks. */
    public boolean isRunning() {
        return scheduler.isAlive() && !stopping;
    }

    /** Completes when the run is over: every message created and answered, or stopped. */
    public CompletableFuture<Void> finished() {
        return finished;
    }

    /**
     * Stops promptly: no new message, no new request once this returns; answers to requests already under way
     * are awaited a few seconds at most. Safe to call more than once, from any thread but the scheduler's.
     */
    public void stop() {
        stopping = true;
        scheduler.interrupt();
        try {
            scheduler.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        poster.close();
        finished.complete(null);
    }

    /** Waits for a limited run to end by itself. */
    public void awaitFinished(long timeout, TimeUnit unit) throws InterruptedException, TimeoutException {
        try {
            finished.get(timeout, unit);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("demo traffic failed", e.getCause());
        }
    }

    /** A status webhook waiting for its time; {@code order} breaks ties so that equal times keep creation order. */
    private record Pending(Emission emission, long order) implements Comparable<Pending> {
        @Override
        public int compareTo(Pending o) {
            int byTime = Long.compare(emission.postAtMillis(), o.emission.postAtMillis());
            return byTime != 0 ? byTime : Long.compare(order, o.order);
        }
    }

    private void run() {
        try {
            simulate();
            if (!stopping && !poster.awaitIdle(WebhookPoster.REQUEST_TIMEOUT.toMillis() * WebhookPoster.MAX_ATTEMPTS)) {
                LOG.warn("Demo traffic finished with webhooks still unanswered");
            }
            finished.complete(null);
        } catch (InterruptedException e) {
            // stop(): leave quietly, stop() closes the poster
        } catch (RuntimeException | Error e) {
            finished.completeExceptionally(e);
            throw e;
        }
    }

    private void simulate() throws InterruptedException {
        Random random = new Random(seed);
        PhoneBook phones = new PhoneBook(config.phones(), random);
        PriorityQueue<Pending> pending = new PriorityQueue<>();
        long order = 0;
        long created = 0;
        double nextArrival = clock.now();
        double meanGapMillis = 1000 / config.messagesPerSecond();
        while (!stopping) {
            boolean moreMessages = maxMessages <= 0 || created < maxMessages;
            if (!moreMessages && pending.isEmpty()) {
                return;
            }
            long batchDue = pending.isEmpty() ? Long.MAX_VALUE
                    : pending.peek().emission().postAtMillis() + config.batchWindowMillis();
            if (moreMessages && nextArrival <= batchDue) {
                long at = (long) nextArrival;
                clock.awaitUntil(at);
                if (clock.canLag() && clock.now() - at > MAX_LAG_MILLIS) {
                    nextArrival = clock.now(); // the receiver held us back: resume the pace, no burst to catch up
                    continue;
                }
                MessagePlan plan = MessagePlan.draw(config, random, phones, at);
                for (Emission e : plan.emissions()) {
                    pending.add(new Pending(e, order++));
                }
                created++;
                counters.messages.increment();
                counters.duplicates.add(plan.duplicates());
                if (plan.outOfOrder()) {
                    counters.outOfOrder.increment();
                }
                nextArrival += -meanGapMillis * Math.log(1 - random.nextDouble()); // exponential gaps: Poisson arrivals
            } else {
                clock.awaitUntil(batchDue);
                long now = clock.now();
                List<Emission> due = new ArrayList<>();
                while (!pending.isEmpty() && pending.peek().emission().postAtMillis() <= now) {
                    due.add(pending.poll().emission());
                }
                post(due);
            }
        }
    }

    /** Due items grouped by format (one provider, one layout) and cut into webhooks, each in due order. */
    private void post(List<Emission> due) throws InterruptedException {
        Map<PayloadFormat, List<Emission>> byFormat = new EnumMap<>(PayloadFormat.class);
        for (Emission e : due) {
            byFormat.computeIfAbsent(e.format(), f -> new ArrayList<>()).add(e);
        }
        for (Map.Entry<PayloadFormat, List<Emission>> group : byFormat.entrySet()) {
            List<Emission> items = group.getValue();
            for (int from = 0; from < items.size(); from += config.maxStatusesPerRequest()) {
                List<Emission> chunk = List.copyOf(items.subList(from, Math.min(items.size(), from + config.maxStatusesPerRequest())));
                poster.post(bodies.render(group.getKey(), chunk), Map.of(), chunk);
            }
        }
    }

    public DemoConfig config() {
        return config;
    }
}
