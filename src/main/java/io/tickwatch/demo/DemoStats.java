package io.tickwatch.demo;

/**
 * What demo traffic (or a replay) has done so far. A snapshot; counters only grow within one run.
 *
 * @param messages             messages created
 * @param requests             webhooks posted (each counted once, however often it was retried)
 * @param acknowledged         webhooks answered 200
 * @param statusesAcknowledged status items in those webhooks
 * @param retried              answers 503 or 429 (the receiver asked to come back later) and connection
 *                             failures, each followed by a retry after a back-off
 * @param refused              other answers (401, 403, 400, …): not retried
 * @param abandoned            webhooks given up after too many retries, or pending when the traffic stopped
 * @param duplicates           status items posted a second time on purpose
 * @param outOfOrder           messages whose first status was posted after the next one
 * @param lastProblem          the latest refusal or failure, for the dashboard; null when all went well
 */
public record DemoStats(boolean running, double messagesPerSecond, long messages, long requests, long acknowledged,
                        long statusesAcknowledged, long retried, long refused, long abandoned, long duplicates,
                        long outOfOrder, String lastProblem) {

    public static final DemoStats NONE = new DemoStats(false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null);
}
