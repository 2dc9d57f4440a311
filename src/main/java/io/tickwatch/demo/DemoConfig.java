package io.tickwatch.demo;

/**
 * What the demo traffic looks like: how many messages a second to how many phones, how each message
 * ends, how long delivery and reading take, and how untidy the provider is (duplicates, out-of-order
 * arrivals, two webhook formats). Immutable and checked on construction, so a bad value fails where it
 * is set, with its name.
 *
 * @param messagesPerSecond        mean rate of new messages (Poisson arrivals)
 * @param phones                   size of the pool of recipients messages are spread over
 * @param failedProbability        share of messages that fail (sent, then failed with a Meta error code)
 * @param deliveredProbability     share of the messages that do not fail which get delivered (the rest stay "sent": phone off)
 * @param readProbability          share of delivered messages that get read
 * @param deliveredUnreportedProbability share of read messages whose "delivered" webhook never comes (Meta skips
 *                                 it when delivery and read happen together; Tickwatch then infers it)
 * @param deliveryDelay            sent → delivered
 * @param readDelay                delivered → read
 * @param failureDelay             sent → failed
 * @param timeCompression          every delay above is divided by this, so a demo shows reads within a minute
 * @param duplicateProbability     per status webhook: the provider sends it a second time a little later
 * @param outOfOrderProbability    per message with two or more statuses: its first status arrives after the next one
 * @param cloudApiShare            share of messages reported in Meta's Cloud API envelope; the others in the
 *                                 On-Premises layout (AiSensy and other BSPs)
 * @param maxStatusesPerRequest    statuses that fall due together are batched, up to this many per webhook
 * @param batchWindowMillis        how long statuses that fall due are gathered into one webhook
 * @param seed                     fixes every random choice (tests); null draws a fresh seed per run
 */
public record DemoConfig(double messagesPerSecond, int phones,
                         double failedProbability, double deliveredProbability, double readProbability,
                         double deliveredUnreportedProbability,
                         Delay deliveryDelay, Delay readDelay, Delay failureDelay, double timeCompression,
                         double duplicateProbability, double outOfOrderProbability, double cloudApiShare,
                         int maxStatusesPerRequest, long batchWindowMillis, Long seed) {

    public static final double MAX_RATE = 2_000;
    public static final int MAX_PHONES = 100_000;

    public DemoConfig {
        if (!(messagesPerSecond > 0) || messagesPerSecond > MAX_RATE) {
            throw new IllegalArgumentException("messages per second must be above 0 and at most " + (int) MAX_RATE
                    + ", got " + messagesPerSecond);
        }
        if (phones < 1 || phones > MAX_PHONES) {
            throw new IllegalArgumentException("phones must be between 1 and " + MAX_PHONES + ", got " + phones);
        }
        probability("failed probability", failedProbability);
        probability("delivered probability", deliveredProbability);
        probability("read probability", readProbability);
        probability("delivered-unreported probability", deliveredUnreportedProbability);
        probability("duplicate probability", duplicateProbability);
        probability("out-of-order probability", outOfOrderProbability);
        probability("Cloud API share", cloudApiShare);
        if (deliveryDelay == null || readDelay == null || failureDelay == null) {
            throw new IllegalArgumentException("delivery, read and failure delays are required");
        }
        if (!(timeCompression >= 1) || timeCompression > 10_000) {
            throw new IllegalArgumentException("time compression must be between 1 and 10000, got " + timeCompression);
        }
        if (maxStatusesPerRequest < 1 || maxStatusesPerRequest > 1000) {
            throw new IllegalArgumentException("statuses per request must be between 1 and 1000 (Meta's maximum), got "
                    + maxStatusesPerRequest);
        }
        if (batchWindowMillis < 0 || batchWindowMillis > 60_000) {
            throw new IllegalArgumentException("the batch window must be between 0 and 60000 ms, got " + batchWindowMillis);
        }
    }

    private static void probability(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, got " + p);
        }
    }

    /**
     * A campaign as a client would recognise it: 10 messages a second to 40 phones (mostly Indian numbers),
     * 4 % failing, 92 % of the rest delivered after ~3 s, 65 % of those read after ~1 min — compressed 4×, so reads
     * show within a minute — with a few duplicates and late arrivals, 70 % Cloud API.
     */
    public static DemoConfig defaults() {
        return new DemoConfig(10, 40, 0.04, 0.92, 0.65, 0.03,
                new Delay(3, 0.8), new Delay(60, 1.0), new Delay(4, 0.7), 4,
                0.03, 0.05, 0.7, 20, 250, null);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The chance that a message ends read (not failed, delivered, then read). */
    public double endsReadProbability() {
        return (1 - failedProbability) * deliveredProbability * readProbability;
    }

    /** Changes a few values of a config; {@link #build} checks them all. */
    public static final class Builder {
        private double messagesPerSecond;
        private int phones;
        private double failed;
        private double delivered;
        private double read;
        private double deliveredUnreported;
        private Delay deliveryDelay;
        private Delay readDelay;
        private Delay failureDelay;
        private double timeCompression;
        private double duplicates;
        private double outOfOrder;
        private double cloudApiShare;
        private int maxStatusesPerRequest;
        private long batchWindowMillis;
        private Long seed;

        private Builder(DemoConfig c) {
            messagesPerSecond = c.messagesPerSecond;
            phones = c.phones;
            failed = c.failedProbability;
            delivered = c.deliveredProbability;
            read = c.readProbability;
            deliveredUnreported = c.deliveredUnreportedProbability;
            deliveryDelay = c.deliveryDelay;
            readDelay = c.readDelay;
            failureDelay = c.failureDelay;
            timeCompression = c.timeCompression;
            duplicates = c.duplicateProbability;
            outOfOrder = c.outOfOrderProbability;
            cloudApiShare = c.cloudApiShare;
            maxStatusesPerRequest = c.maxStatusesPerRequest;
            batchWindowMillis = c.batchWindowMillis;
            seed = c.seed;
        }

        public Builder messagesPerSecond(double v) { messagesPerSecond = v; return this; }
        public Builder phones(int v) { phones = v; return this; }
        public Builder failed(double v) { failed = v; return this; }
        public Builder delivered(double v) { delivered = v; return this; }
        public Builder read(double v) { read = v; return this; }
        public Builder deliveredUnreported(double v) { deliveredUnreported = v; return this; }
        public Builder deliveryDelay(Delay v) { deliveryDelay = v; return this; }
        public Builder readDelay(Delay v) { readDelay = v; return this; }
        public Builder failureDelay(Delay v) { failureDelay = v; return this; }
        public Builder timeCompression(double v) { timeCompression = v; return this; }
        public Builder duplicates(double v) { duplicates = v; return this; }
        public Builder outOfOrder(double v) { outOfOrder = v; return this; }
        public Builder cloudApiShare(double v) { cloudApiShare = v; return this; }
        public Builder maxStatusesPerRequest(int v) { maxStatusesPerRequest = v; return this; }
        public Builder batchWindowMillis(long v) { batchWindowMillis = v; return this; }
        public Builder seed(Long v) { seed = v; return this; }

        public DemoConfig build() {
            return new DemoConfig(messagesPerSecond, phones, failed, delivered, read, deliveredUnreported,
                    deliveryDelay, readDelay, failureDelay, timeCompression, duplicates, outOfOrder, cloudApiShare,
                    maxStatusesPerRequest, batchWindowMillis, seed);
        }
    }
}
