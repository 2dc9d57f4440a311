package io.tickwatch.demo;

/**
 * One status item the simulator posts: message {@code messageId} to {@code recipient} reached
 * {@code status} at {@code eventAtMillis} (the provider's time, sent in whole seconds like Meta does), and the
 * webhook carrying it is due at {@code postAtMillis}. Both times are on the simulation clock.
 *
 * @param failure   the Meta error of a failed status, else null
 * @param duplicate true for the provider's second copy of an item already posted
 */
public record Emission(String messageId, String recipient, String status, long eventAtMillis, long postAtMillis,
                       FailureCode failure, PayloadFormat format, boolean duplicate) {

    /** The {@code timestamp} field as the provider writes it: Unix seconds. */
    public long timestampSeconds() {
        return Math.floorDiv(eventAtMillis, 1000);
    }

    /** Sent 1, delivered 2, failed 2, read 3: the order in which a message's statuses happen. */
    public int stage() {
        return switch (status) {
            case "sent" -> 1;
            case "delivered", "failed" -> 2;
            case "read" -> 3;
            default -> 0;
        };
    }

    Emission postedAt(long millis, boolean asDuplicate) {
        return new Emission(messageId, recipient, status, eventAtMillis, millis, failure, format, asDuplicate);
    }
}
