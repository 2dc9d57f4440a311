package io.tickwatch.demo;

import io.tickwatch.model.MessageMerge;
import io.tickwatch.model.MessageState;
import io.tickwatch.model.StatusEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A limited simulator run on a virtual clock against a real receiver, one webhook at a time, so that the
 * order of the journal — the webhooks the receiver answered 200, with their items — is the order in which the
 * receiver got them.
 */
final class VirtualRun {

    /** What was sent and acknowledged, and the simulator's own counts. */
    record Result(List<WebhookPoster.Posted> journal, DemoStats stats) {

        /** Every acknowledged item as the receiver parses it: provider time in whole seconds, phone with "+". */
        List<StatusEvent> events() {
            List<StatusEvent> events = new ArrayList<>();
            for (WebhookPoster.Posted p : journal) {
                for (Emission e : p.items()) {
                    events.add(new StatusEvent(e.messageId(), e.status(), e.timestampSeconds() * 1000, "+" + e.recipient(),
                            e.failure() == null ? null : e.failure().code(), e.failure() == null ? null : e.failure().title(), 0));
                }
            }
            return events;
        }

        /** The reference merge of everything acknowledged. */
        Map<String, MessageState> expectedStates() {
            return MessageMerge.fold(events());
        }
    }

    private VirtualRun() {
    }

    static Result run(String webhookUrl, String appSecret, DemoConfig config, long messages, long startMillis)
            throws Exception {
        DemoCounters counters = new DemoCounters();
        List<WebhookPoster.Posted> journal = Collections.synchronizedList(new ArrayList<>());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        WebhookPoster poster = new WebhookPoster(http, new WebhookTarget(URI.create(webhookUrl), appSecret, null), 1,
                counters, journal::add, io.tickwatch.concurrent.ThreadPolicy.NORMAL);
        TrafficSimulator simulator = new TrafficSimulator(config, SimulationClock.virtual(startMillis), poster, counters,
                messages, io.tickwatch.concurrent.ThreadPolicy.NORMAL);
        simulator.start();
        try {
            simulator.awaitFinished(100, TimeUnit.SECONDS);
        } finally {
            simulator.stop();
        }
        return new Result(List.copyOf(journal), counters.snapshot(false, config.messagesPerSecond()));
    }
}
