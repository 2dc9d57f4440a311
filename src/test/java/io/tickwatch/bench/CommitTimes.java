package io.tickwatch.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's group commits during one phase of a measurement, from two scrapes of its {@code /metrics}
 * (the commit histogram's fixed buckets and the items per commit): tells whether an acknowledgement tail
 * is the commits themselves, and how big they were.
 */
final class CommitTimes {

    /**
     * Commits in one phase. {@code p99AtMostMillis} and {@code slowestAtMostMillis} are the upper bounds of the
     * buckets holding the 99th percentile and the slowest commit; {@code over50Millis} counts the commits that
     * took more than 50 ms (an acknowledgement tail is set by the slowest few commits: every request that
     * arrives during one waits for it).
     */
    record Summary(long commits, double meanMillis, double p99AtMostMillis, double itemsPerCommit,
                   double slowestAtMostMillis, long over50Millis) {

        static final Summary NONE = new Summary(0, 0, 0, 0, 0, 0);
    }

    /** One scrape: cumulative bucket counts by upper bound (seconds), commit count and sum, items sum. */
    record Scrape(TreeMap<Double, Double> buckets, double count, double seconds, double items) {
    }

    private static final Pattern LINE = Pattern.compile("^(tickwatch_commit_seconds_bucket|tickwatch_commit_seconds_count"
            + "|tickwatch_commit_seconds_sum|tickwatch_batch_items_sum)(\\{[^}]*})?\\s+(\\S+)", Pattern.MULTILINE);
    private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newHttpClient();
    private final URI metrics;

    CommitTimes(int port) {
        this.metrics = URI.create("http://127.0.0.1:" + port + "/metrics");
    }

    Scrape scrape() throws IOException, InterruptedException {
        String text = client.send(HttpRequest.newBuilder(metrics).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        return parse(text);
    }

    static Scrape parse(String text) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        double count = 0;
        double seconds = 0;
        double items = 0;
        Matcher m = LINE.matcher(text);
        while (m.find()) {
            double value = Double.parseDouble(m.group(3));
            switch (m.group(1)) {
                case "tickwatch_commit_seconds_bucket" -> {
                    Matcher le = LE.matcher(m.group(2) == null ? "" : m.group(2));
                    if (le.find()) {
                        buckets.put(le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1)), value);
                    }
                }
                case "tickwatch_commit_seconds_count" -> count = value;
                case "tickwatch_commit_seconds_sum" -> seconds = value;
                default -> items = value;
            }
        }
        if (buckets.isEmpty()) {
            throw new IllegalStateException("no commit histogram in /metrics");
        }
        return new Scrape(buckets, count, seconds, items);
    }

    /** What happened between two scrapes. */
    static Summary between(Scrape before, Scrape after) {
        long commits = Math.round(after.count() - before.count());
        if (commits <= 0) {
            return Summary.NONE;
        }
        double rank = Math.ceil(0.99 * commits);
        double p99 = Double.POSITIVE_INFINITY;
        double slowest = Double.POSITIVE_INFINITY;
        double upTo50 = 0;
        for (Map.Entry<Double, Double> b : after.buckets().entrySet()) {
            double below = b.getValue() - before.buckets().getOrDefault(b.getKey(), 0.0);
            if (below >= rank && p99 == Double.POSITIVE_INFINITY) {
                p99 = b.getKey() * 1000;
            }
            if (below >= commits && slowest == Double.POSITIVE_INFINITY) {
                slowest = b.getKey() * 1000;
            }
            if (b.getKey() <= 0.050) {
                upTo50 = below;
            }
        }
        return new Summary(commits, (after.seconds() - before.seconds()) * 1000 / commits, p99,
                (after.items() - before.items()) / commits, slowest, commits - Math.round(upTo50));
    }
}
