package io.tickwatch.demo;

import static io.tickwatch.demo.Observed.binomial;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.testing.RunningTickwatch;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The simulator's traffic, as a real receiver stores it, has the rates it was configured with: 2,000 seeded
 * messages on a virtual clock (three days ago, so every time is in the past), posted one webhook at a time over
 * real HTTP. Each rate is checked against a binomial bound of four standard deviations, observed in the store or,
 * for arrival order, in the order the receiver acknowledged the webhooks.
 */
class SimulatorStatisticsTest {

    @RegisterExtension
    static final RunningTickwatch TW = RunningTickwatch.perClass();

    static final int MESSAGES = 2_000;
    static final DemoConfig CONFIG = DemoConfig.defaults().toBuilder()
            .messagesPerSecond(12).phones(50)
            .failed(0.06).delivered(0.85).read(0.6).deliveredUnreported(0.1)
            .deliveryDelay(new Delay(30, 0.8)).readDelay(new Delay(600, 1.0)).failureDelay(new Delay(20, 0.5))
            .timeCompression(1).duplicates(0.05).outOfOrder(0.1).cloudApiShare(0.6)
            .batchWindowMillis(1_000).seed(20_240_501L).build();

    static VirtualRun.Result run;

    @BeforeAll
    static void simulate() throws Exception {
        run = VirtualRun.run(TW.app().webhookUrl(), null, CONFIG, MESSAGES,
                System.currentTimeMillis() - 3 * 86_400_000L);
    }

    private static long count(String sql) {
        return TW.queryLong(sql);
    }

    @Test
    void everyWebhookWasAcceptedAndTheStoreHoldsExactlyTheMergeOfWhatWasSent() {
        assertThat(run.stats().messages()).isEqualTo(MESSAGES);
        assertThat(run.stats().refused()).isZero();
        assertThat(run.stats().retried()).isZero();
        assertThat(run.stats().acknowledged()).isEqualTo(run.stats().requests()).isEqualTo(run.journal().size());
        assertThat(count("SELECT COUNT(*) FROM messages")).isEqualTo(MESSAGES);
        assertThat(count("SELECT COUNT(*) FROM rejected_items")).isZero();

        var expected = Observed.merged(run.expectedStates());
        assertThat(expected).hasSize(MESSAGES);
        assertThat(Observed.stored(TW.app().settings().db(), expected.keySet())).isEqualTo(expected);
    }

    @Test
    void messagesFailDeliverAndAreReadAtTheConfiguredRates() {
        long failed = count("SELECT COUNT(*) FROM messages WHERE failed_at IS NOT NULL");
        binomial("failed of all messages", failed, MESSAGES, CONFIG.failedProbability());
        long notFailed = MESSAGES - failed;
        long delivered = count("SELECT COUNT(*) FROM messages WHERE delivered_at IS NOT NULL");
        binomial("delivered of those not failed", delivered, notFailed, CONFIG.deliveredProbability());
        long read = count("SELECT COUNT(*) FROM messages WHERE read_at IS NOT NULL");
        binomial("read of delivered", read, delivered, CONFIG.readProbability());
        long inferred = count("SELECT COUNT(*) FROM messages WHERE read_at IS NOT NULL AND NOT delivered_real");
        binomial("read without a delivered webhook", inferred, read, CONFIG.deliveredUnreportedProbability());
        assertThat(count("SELECT COUNT(*) FROM messages WHERE sent_at IS NULL")).as("every message is sent first").isZero();
        assertThat(count("SELECT COUNT(*) FROM messages WHERE failed_at IS NOT NULL AND delivered_at IS NOT NULL")).isZero();
    }

    @Test
    void messagesArriveAtTheConfiguredRate() {
        // n Poisson arrivals span a Gamma(n - 1, rate) time: mean (n - 1)/rate, deviation sqrt(n - 1)/rate
        double spanSeconds = (count("SELECT MAX(sent_at) - MIN(sent_at) FROM messages")) / 1000.0;
        double mean = (MESSAGES - 1) / CONFIG.messagesPerSecond();
        double sd = Math.sqrt(MESSAGES - 1) / CONFIG.messagesPerSecond();
        assertThat(spanSeconds).as("seconds from first to last message").isBetween(mean - 4 * sd - 1, mean + 4 * sd + 1);
    }

    @Test
    void deliveryAndReadDelaysFollowTheirLogNormalDistributions() throws SQLException {
        List<Long> delivery = longs("SELECT delivered_at - sent_at FROM messages WHERE delivered_real");
        List<Long> reading = longs("SELECT read_at - delivered_at FROM messages WHERE read_at IS NOT NULL AND delivered_real");
        checkQuantiles("time to deliver", delivery, CONFIG.deliveryDelay());
        checkQuantiles("time to read", reading, CONFIG.readDelay());
    }

    /** Half the delays fall under the median and nine in ten under the p90 (z = 1.2816). */
    private static void checkQuantiles(String what, List<Long> delaysMillis, Delay d) {
        for (double z : new double[] {0, 1.2816}) {
            double p = z == 0 ? 0.5 : 0.9;
            double limitSeconds = d.quantileSeconds(z);
            long under = delaysMillis.stream().filter(ms -> ms < limitSeconds * 1000).count();
            // times go out in whole seconds, so a measured delay is off by under a second: allow the share of
            // delays within a second of the limit (the log-normal density there)
            double density = Math.exp(-z * z / 2) / (limitSeconds * d.sigma() * Math.sqrt(2 * Math.PI));
            binomial(what + " under " + Math.round(limitSeconds) + " s", under, delaysMillis.size(), p, density);
        }
    }

    @Test
    void duplicatesAndOutOfOrderArrivalsHappenAtTheConfiguredRates() throws SQLException {
        long events = count("SELECT COUNT(*) FROM status_events");
        long repeated = count("SELECT COUNT(*) FROM status_events WHERE seen > 1");
        assertThat(repeated).isEqualTo(run.stats().duplicates());
        assertThat(count("SELECT MAX(seen) FROM status_events")).isEqualTo(2);
        binomial("status webhooks sent twice", repeated, events, CONFIG.duplicateProbability());

        // in the order the receiver got them: a message is out of order when a status arrives (first time) after a later one
        Map<String, List<Integer>> firstArrivals = new LinkedHashMap<>();
        Map<String, java.util.Set<String>> seen = new HashMap<>();
        for (WebhookPoster.Posted p : run.journal()) {
            for (Emission e : p.items()) {
                if (seen.computeIfAbsent(e.messageId(), k -> new java.util.HashSet<>()).add(e.status())) {
                    firstArrivals.computeIfAbsent(e.messageId(), k -> new ArrayList<>()).add(e.stage());
                }
            }
        }
        long candidates = firstArrivals.values().stream().filter(stages -> stages.size() >= 2).count();
        long outOfOrder = firstArrivals.values().stream().filter(stages -> {
            for (int i = 1; i < stages.size(); i++) {
                if (stages.get(i) < stages.get(i - 1)) {
                    return true;
                }
            }
            return false;
        }).count();
        assertThat(outOfOrder).isEqualTo(run.stats().outOfOrder());
        binomial("messages with two or more statuses arriving out of order", outOfOrder, candidates,
                CONFIG.outOfOrderProbability());
    }

    @Test
    void bothFormatsAreUsedInTheConfiguredMix() {
        long cloud = count("SELECT COUNT(DISTINCT e.message_id) FROM status_events e JOIN webhook_requests r "
                + "ON r.id = e.request_id WHERE r.format = 'cloud-api'");
        long onPremises = count("SELECT COUNT(DISTINCT e.message_id) FROM status_events e JOIN webhook_requests r "
                + "ON r.id = e.request_id WHERE r.format = 'on-premises'");
        assertThat(cloud + onPremises).as("each message comes in one format").isEqualTo(MESSAGES);
        binomial("messages in the Cloud API format", cloud, MESSAGES, CONFIG.cloudApiShare());
        assertThat(count("SELECT MAX(accepted) FROM webhook_requests")).as("statuses batched per webhook")
                .isBetween(2L, (long) CONFIG.maxStatusesPerRequest());
    }

    @Test
    void phonesAreRealisticNumbersFromAPoolOfTheConfiguredSize() throws SQLException {
        List<String> phones = strings("SELECT DISTINCT phone FROM messages");
        assertThat(phones).hasSize(CONFIG.phones());
        assertThat(phones).allSatisfy(p -> assertThat(p)
                .matches("\\+(91[6-9]\\d{9}|62\\d{11}|55\\d{11}|971\\d{9}|447\\d{9}|234\\d{10}|1\\d{10})"));
        assertThat(strings("SELECT id FROM messages")).allSatisfy(id -> assertThat(id).matches("wamid\\.HBg[A-Za-z0-9+/]+=*"));
    }

    @Test
    void failuresCarryRealMetaCodesWithTheirTitlesInTheConfiguredShares() throws SQLException {
        long failed = count("SELECT COUNT(*) FROM messages WHERE failed_at IS NOT NULL");
        Map<Integer, Long> byCode = new HashMap<>();
        try (Connection c = TW.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT error_code, error_title FROM messages WHERE failed_at IS NOT NULL")) {
            while (rs.next()) {
                FailureCode f = FailureCode.ofCode(rs.getInt(1));
                assertThat(rs.getString(2)).isEqualTo(f.title());
                byCode.merge(f.code(), 1L, Long::sum);
            }
        }
        assertThat(byCode.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(failed);
        for (FailureCode f : FailureCode.values()) {
            binomial("failures with code " + f.code(), byCode.getOrDefault(f.code(), 0L), failed, f.share());
        }
    }

    private static List<Long> longs(String sql) throws SQLException {
        List<Long> values = new ArrayList<>();
        try (Connection c = TW.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
        }
        return values;
    }

    private static List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = TW.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
