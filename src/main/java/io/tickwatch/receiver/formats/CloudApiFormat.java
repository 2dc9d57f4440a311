package io.tickwatch.receiver.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickwatch.ingest.JsonNodes;
import io.tickwatch.ingest.RawStatus;
import io.tickwatch.ingest.Rejection;
import java.util.ArrayList;
import java.util.List;

/**
 * Meta's Cloud API envelope (FORMATS.md §1b), also relayed unchanged by 360dialog, Gupshup v3 and
 * AiSensy. Every entry, every change and every status is read: Meta batches up to 1000 updates in
 * one notification. Changes of other fields and inbound {@code messages} hold no status and are
 * skipped; a malformed entry or change is refused on its own, never the whole batch.
 */
public final class CloudApiFormat implements WebhookFormat {

    private static final String WHATSAPP_OBJECT = "whatsapp_business_account";

    @Override
    public String name() {
        return "cloud-api";
    }

    @Override
    public boolean recognises(ObjectNode body) {
        return body.has("entry") || WHATSAPP_OBJECT.equals(body.path("object").asText(null));
    }

    @Override
    public ParsedWebhook parse(ObjectNode body) throws MalformedWebhook {
        JsonNode object = body.get("object");
        if (object != null && !(object.isTextual() && WHATSAPP_OBJECT.equals(object.textValue()))) {
            throw new MalformedWebhook("'object' must be \"" + WHATSAPP_OBJECT + "\", not " + shown(object));
        }
        JsonNode entries = body.get("entry");
        if (entries == null || !entries.isArray()) {
            throw new MalformedWebhook("'entry' must be an array, not " + JsonNodes.kind(entries));
        }
        Collector out = new Collector();
        for (int e = 0; e < entries.size(); e++) {
            String entryPath = "entry[" + e + "]";
            JsonNode entry = entries.get(e);
            if (!entry.isObject()) {
                out.refuse(entryPath, entry, "entry must be an object, not " + JsonNodes.kind(entry));
                continue;
            }
            JsonNode changes = entry.get("changes");
            if (changes == null || !changes.isArray()) {
                out.refuse(entryPath + ".changes", entry, "'changes' must be an array, not " + JsonNodes.kind(changes));
                continue;
            }
            for (int c = 0; c < changes.size(); c++) {
                readChange(changes.get(c), entryPath + ".changes[" + c + "]", out);
            }
        }
        return new ParsedWebhook(name(), out.items, out.structural);
    }

    private static void readChange(JsonNode change, String path, Collector out) {
        if (!change.isObject()) {
            out.refuse(path, change, "change must be an object, not " + JsonNodes.kind(change));
            return;
        }
        JsonNode field = change.get("field");
        if (field != null && !"messages".equals(field.asText())) {
            return; // template, account or quality updates: nothing to store
        }
        JsonNode value = change.get("value");
        if (value == null || !value.isObject()) {
            out.refuse(path + ".value", change, "'value' must be an object, not " + JsonNodes.kind(value));
            return;
        }
        JsonNode statuses = value.get("statuses");
        if (statuses == null) {
            return; // inbound messages or other notifications without statuses
        }
        if (!statuses.isArray()) {
            out.refuse(path + ".value.statuses", value, "'statuses' must be an array, not " + JsonNodes.kind(statuses));
            return;
        }
        JsonNode errors = value.get("errors");
        for (int s = 0; s < statuses.size(); s++) {
            out.item(path + ".value.statuses[" + s + "]", statuses.get(s), errors);
        }
    }

    private static String shown(JsonNode node) {
        return node.isTextual() ? "\"" + JsonNodes.shorten(node.textValue()) + "\"" : JsonNodes.kind(node);
    }

    /** Numbers items and refusals in one sequence, in body order. */
    private static final class Collector {
        final List<RawStatus> items = new ArrayList<>();
        final List<Rejection> structural = new ArrayList<>();
        int next;

        void item(String path, JsonNode item, JsonNode fallbackErrors) {
            items.add(new RawStatus(next++, path, item, fallbackErrors));
        }

        void refuse(String path, JsonNode node, String reason) {
            structural.add(new Rejection(next++, path, reason, String.valueOf(node)));
        }
    }
}
