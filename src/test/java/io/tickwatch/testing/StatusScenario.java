package io.tickwatch.testing;

import io.tickwatch.model.MessageMerge;
import io.tickwatch.model.MessageState;
import io.tickwatch.model.StatusEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Random but reproducible (seeded) observations for many messages, built to hit every merge rule: out of
 * order funnel statuses, read without delivered, several phones and errors at the same instant (the
 * tie-breaks), titles whose order differs between Java and a linguistic collation, non-funnel
 * statuses, odd ids, mixed-case statuses, and exact duplicates. The reference answer is
 * {@link MessageMerge#fold} over the same list.
 */
public final class StatusScenario {

    private static final String[] TITLES = {"apple", "Banana", "Ärger", "zebra", "Zebra", null};
    private static final Integer[] CODES = {131026, 131047, 131026, null};
    private static final String[] ODD_IDS = {"wamid.a/b%2F+c=", "wamid.\"quoted\"", "wamid.ünïcødé-✓",
            "wamid." + "x".repeat(620), "12345678901234567890"};

    private final List<StatusEvent> events;

    private StatusScenario(List<StatusEvent> events) {
        this.events = events;
    }

    /** @param duplicates up to this many extra copies of each observation */
    public static StatusScenario generate(long seed, int messages, int duplicates) {
        Random r = new Random(seed);
        List<StatusEvent> distinct = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            String id = i < ODD_IDS.length ? ODD_IDS[i] + "-" + seed : "wamid.S" + seed + "." + i;
            long base = 1_702_207_800L + i * 7L;
            String p1 = "9198765" + String.format(Locale.ROOT, "%05d", i);
            String p2 = "1555" + String.format(Locale.ROOT, "%06d", i);
            if (r.nextInt(10) < 9) {
                distinct.add(event(r, id, "sent", base, p1, p2));
            }
            if (r.nextInt(5) == 0) {
                distinct.add(event(r, id, "sent", base, p2, p1)); // same instant, other phone: the tie-break
            }
            if (r.nextInt(10) < 6) {
                distinct.add(event(r, id, "delivered", base + r.nextInt(4), p1, p2));
            }
            if (r.nextInt(2) == 0) {
                distinct.add(event(r, id, "read", base + 2 + r.nextInt(3), p1, p2));
            }
            if (r.nextInt(4) == 0) {
                long at = base + 1 + r.nextInt(2);
                distinct.add(failed(r, id, at, p1));
                distinct.add(failed(r, id, at, p2)); // two errors at one instant
            }
            if (r.nextInt(10) == 0) {
                distinct.add(event(r, id, "deleted", base + 5, p1, p2));
            }
        }
        List<StatusEvent> all = new ArrayList<>();
        for (StatusEvent e : distinct) {
            int copies = 1 + r.nextInt(duplicates + 1);
            for (int c = 0; c < copies; c++) {
                all.add(new StatusEvent(e.messageId(), e.status(), e.atMillis(), e.phone(), e.errorCode(),
                        e.errorTitle(), 1_800_000_000_000L + r.nextInt(1_000_000)));
            }
        }
        Collections.shuffle(all, r);
        return new StatusScenario(List.copyOf(all));
    }

    private static StatusEvent event(Random r, String id, String status, long atSeconds, String p1, String p2) {
        int pick = r.nextInt(5);
        String digits = pick == 0 ? null : pick < 4 ? p1 : p2;
        return new StatusEvent(id, status, atSeconds * 1000, digits == null ? null : "+" + digits, null, null, 0);
    }

    private static StatusEvent failed(Random r, String id, long atSeconds, String digits) {
        return new StatusEvent(id, "failed", atSeconds * 1000, "+" + digits, CODES[r.nextInt(CODES.length)],
                TITLES[r.nextInt(TITLES.length)], 0);
    }

    /** Every observation, duplicates included, shuffled. */
    public List<StatusEvent> events() {
        return events;
    }

    /** The single-threaded reference merge. */
    public Map<String, MessageState> reference() {
        return MessageMerge.fold(events);
    }

    /** Splits the events round-robin into {@code parts} lists (each still shuffled). */
    public List<List<StatusEvent>> split(int parts) {
        List<List<StatusEvent>> result = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            result.add(new ArrayList<>());
        }
        for (int i = 0; i < events.size(); i++) {
            result.get(i % parts).add(events.get(i));
        }
        return result;
    }

    /**
     * One observation as an On-Premises status item (FORMATS.md §1a); the status is sometimes sent in
     * upper or mixed case, which the receiver must normalise.
     */
    public static String toJson(StatusEvent e) {
        String status = switch (Math.floorMod(e.hashCode(), 3)) {
            case 0 -> e.status().toUpperCase(Locale.ROOT);
            case 1 -> Character.toUpperCase(e.status().charAt(0)) + e.status().substring(1);
            default -> e.status();
        };
        List<String> extra = new ArrayList<>();
        if (e.hasError()) {
            extra.add("\"errors\":[{" + (e.errorCode() == null ? "" : "\"code\":" + e.errorCode() + ",")
                    + "\"title\":" + (e.errorTitle() == null ? "null" : Webhooks.quote(e.errorTitle())) + "}]");
        }
        return Webhooks.status(e.messageId(), status, Long.toString(e.atMillis() / 1000),
                e.phone() == null ? null : e.phone().substring(1), extra.toArray(String[]::new));
    }
}
