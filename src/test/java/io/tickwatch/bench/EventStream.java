package io.tickwatch.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The benchmark's stream of statuses, like a real campaign's: for each message sent, then (97 %)
 * delivered a few seconds later and often read, or (3 %) failed with an error; delivered is skipped
 * now and then when read arrives at once (as Meta does). The stream is shuffled within windows of
 * {@value #WINDOW} statuses (webhook order is not guaranteed) and 5 % of statuses are sent twice.
 * Deterministic for a seed, so Tickwatch and the baseline see the same statuses in the same order.
 */
final class EventStream {

    static final int WINDOW = 64;
    static final long BASE_SECONDS = 1_702_207_800L;

    /** One status as sent: raw JSON of the item and what it says. */
    record Status(String messageId, String status, long atSeconds, String phone, Integer errorCode, String json) {
    }

    private EventStream() {
    }

    static List<Status> generate(String prefix, int messages, int phones, long seed) {
        Random random = new Random(seed);
        List<Status> ordered = new ArrayList<>(messages * 3);
        for (int m = 0; m < messages; m++) {
            String id = "wamid." + prefix + "." + m;
            String phone = "91" + (9_000_000_000L + random.nextInt(phones));
            long sent = BASE_SECONDS + m / 50;
            ordered.add(status(id, "sent", sent, phone, null));
            if (random.nextInt(100) < 3) {
                ordered.add(status(id, "failed", sent + 1 + random.nextInt(5), phone, 131_026));
                continue;
            }
            long delivered = sent + 1 + random.nextInt(10);
            boolean read = random.nextInt(100) < 70;
            boolean skipDelivered = read && random.nextInt(100) < 10;
            if (!skipDelivered) {
                ordered.add(status(id, "delivered", delivered, phone, null));
            }
            if (read) {
                ordered.add(status(id, "read", delivered + random.nextInt(600), phone, null));
            }
        }
        List<Status> stream = new ArrayList<>(ordered.size() * 21 / 20);
        for (int start = 0; start < ordered.size(); start += WINDOW) {
            List<Status> window = new ArrayList<>(ordered.subList(start, Math.min(ordered.size(), start + WINDOW)));
            int copies = window.size() / 20;
            for (int i = 0; i < copies; i++) {
                window.add(window.get(random.nextInt(window.size())));
            }
            Collections.shuffle(window, random);
            stream.addAll(window);
        }
        return stream;
    }

    private static Status status(String id, String status, long at, String phone, Integer errorCode) {
        String errors = errorCode == null ? "" : ",\"errors\":[{\"code\":" + errorCode
                + ",\"title\":\"Message undeliverable\"}]";
        String json = "{\"id\":\"" + id + "\",\"status\":\"" + status + "\",\"timestamp\":\"" + at
                + "\",\"recipient_id\":\"" + phone + "\"" + errors + "}";
        return new Status(id, status, at, phone, errorCode, json);
    }

    /** Cuts the stream into On-Premises bodies of {@code perRequest} statuses. */
    static List<Body> bodies(List<Status> stream, int perRequest) {
        List<Body> bodies = new ArrayList<>(stream.size() / perRequest + 1);
        for (int start = 0; start < stream.size(); start += perRequest) {
            List<Status> part = stream.subList(start, Math.min(stream.size(), start + perRequest));
            StringBuilder b = new StringBuilder("{\"statuses\":[");
            for (int i = 0; i < part.size(); i++) {
                b.append(i == 0 ? "" : ",").append(part.get(i).json());
            }
            bodies.add(new Body(b.append("]}").toString().getBytes(StandardCharsets.UTF_8), List.copyOf(part)));
        }
        return bodies;
    }

    /** One request body and the statuses it carries. */
    record Body(byte[] bytes, List<Status> statuses) {
    }
}
