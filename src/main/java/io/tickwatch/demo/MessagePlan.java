package io.tickwatch.demo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Everything that will happen to one simulated message, drawn when it is created: its outcome, the
 * provider times of its statuses and when each webhook goes out — including the untidy parts (a late first
 * status, a second copy). Pure: the same random sequence gives the same plan.
 *
 * @param emissions  in posting order
 * @param outOfOrder whether its first status is posted after the next one
 * @param duplicates how many of its items are posted twice
 */
record MessagePlan(String messageId, String recipient, PayloadFormat format, Outcome outcome,
                   List<Emission> emissions, boolean outOfOrder, int duplicates) {

    /** How a message ends. */
    enum Outcome { SENT, DELIVERED, READ, FAILED }

    /** Mean delay between a status happening and its webhook leaving the provider (not compressed). */
    static final double MEAN_NETWORK_MILLIS = 300;

    static MessagePlan draw(DemoConfig c, Random random, PhoneBook phones, long createdAt) {
        String recipient = phones.pick(random);
        String id = MessageIds.next(random, recipient);
        PayloadFormat format = random.nextDouble() < c.cloudApiShare() ? PayloadFormat.CLOUD_API : PayloadFormat.ON_PREMISES;
        double compression = c.timeCompression();
        // the fixed order of draws below keeps a seeded run reproducible
        boolean fails = random.nextDouble() < c.failedProbability();
        boolean delivered = !fails && random.nextDouble() < c.deliveredProbability();
        boolean read = delivered && random.nextDouble() < c.readProbability();
        boolean deliveredUnreported = read && random.nextDouble() < c.deliveredUnreportedProbability();

        List<Emission> events = new ArrayList<>(3);
        long sentAt = createdAt;
        events.add(new Emission(id, recipient, "sent", sentAt, 0, null, format, false));
        Outcome outcome = Outcome.SENT;
        if (fails) {
            long failedAt = sentAt + c.failureDelay().sampleMillis(random, compression);
            events.add(new Emission(id, recipient, "failed", failedAt, 0, FailureCode.draw(random), format, false));
            outcome = Outcome.FAILED;
        } else if (delivered) {
            long deliveredAt = sentAt + c.deliveryDelay().sampleMillis(random, compression);
            if (!deliveredUnreported) {
                events.add(new Emission(id, recipient, "delivered", deliveredAt, 0, null, format, false));
            }
            outcome = Outcome.DELIVERED;
            if (read) {
                // Meta skips "delivered" when delivery and read happen together: read right after delivery then
                long readAt = deliveredAt + (deliveredUnreported ? 0 : c.readDelay().sampleMillis(random, compression));
                events.add(new Emission(id, recipient, "read", readAt, 0, null, format, false));
                outcome = Outcome.READ;
            }
        }

        // each webhook leaves a little after its status happened, in order unless this message arrives out of order
        List<Emission> posted = new ArrayList<>(events.size() + 2);
        long previous = Long.MIN_VALUE;
        for (Emission e : events) {
            long at = Math.max(e.eventAtMillis() + networkDelay(random), previous == Long.MIN_VALUE ? previous : previous + 1);
            posted.add(e.postedAt(at, false));
            previous = at;
        }
        boolean outOfOrder = posted.size() >= 2 && random.nextDouble() < c.outOfOrderProbability();
        if (outOfOrder) {
            Emission first = posted.get(0);
            long late = posted.get(1).postAtMillis() + 200 + random.nextInt(1800);
            posted.set(0, first.postedAt(late, false));
        }
        int duplicates = 0;
        for (int i = 0, n = posted.size(); i < n; i++) {
            if (random.nextDouble() < c.duplicateProbability()) {
                Emission original = posted.get(i);
                posted.add(original.postedAt(original.postAtMillis() + 500 + random.nextInt(7500), true));
                duplicates++;
            }
        }
        posted.sort(Comparator.comparingLong(Emission::postAtMillis));
        return new MessagePlan(id, recipient, format, outcome, List.copyOf(posted), outOfOrder, duplicates);
    }

    private static long networkDelay(Random random) {
        return Math.min(3_000, Math.round(-MEAN_NETWORK_MILLIS * Math.log(1 - random.nextDouble())));
    }
}
