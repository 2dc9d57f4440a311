package io.tickwatch.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds webhook bodies in the documented formats (FORMATS.md §1), written by us for the tests. */
public final class Webhooks {

    private Webhooks() {
    }

    /** A status item: {"id","status","timestamp","recipient_id"} plus any extra raw JSON members. */
    public static String status(String id, String status, String timestamp, String recipientId, String... extra) {
        StringBuilder b = new StringBuilder("{\"id\":").append(quote(id)).append(",\"status\":").append(quote(status))
                .append(",\"timestamp\":").append(quote(timestamp));
        if (recipientId != null) {
            b.append(",\"recipient_id\":").append(quote(recipientId));
        }
        for (String e : extra) {
            b.append(',').append(e);
        }
        return b.append('}').toString();
    }

    /** On-Premises / seed layout: {"statuses":[…]}. */
    public static String onPremises(String... statusItems) {
        return "{\"statuses\":[" + String.join(",", statusItems) + "]}";
    }

    /** Cloud API envelope with one entry and one change holding these statuses. */
    public static String cloudApi(String... statusItems) {
        return cloudApiEntries(List.of(List.of(List.of(statusItems))));
    }

    /** Cloud API envelope: entries → changes → status items. */
    public static String cloudApiEntries(List<List<List<String>>> entries) {
        List<String> entryJson = new ArrayList<>();
        int e = 0;
        for (List<List<String>> changes : entries) {
            List<String> changeJson = new ArrayList<>();
            for (List<String> statuses : changes) {
                changeJson.add("{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\","
                        + "\"metadata\":{\"display_phone_number\":\"15550001111\",\"phone_number_id\":\"1055\"},"
                        + "\"statuses\":[" + String.join(",", statuses) + "]}}");
            }
            entryJson.add("{\"id\":\"WABA" + (e++) + "\",\"changes\":[" + String.join(",", changeJson) + "]}");
        }
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[" + String.join(",", entryJson) + "]}";
    }

    public static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                default:
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.append('"').toString();
    }
}
