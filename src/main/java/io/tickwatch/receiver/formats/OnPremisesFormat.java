package io.tickwatch.receiver.formats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickwatch.ingest.JsonNodes;
import io.tickwatch.ingest.RawStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * The seed / On-Premises layout (FORMATS.md §1a): {@code {"statuses":[…], "errors":[…]?}}. An
 * {@code errors} array beside the statuses supplies the error of failed items that carry none.
 */
public final class OnPremisesFormat implements WebhookFormat {

    @Override
    public String name() {
        return "on-premises";
    }

    @Override
    public boolean recognises(ObjectNode body) {
        return body.has("statuses") && !body.has("entry");
    }

    @Override
    public ParsedWebhook parse(ObjectNode body) throws MalformedWebhook {
        JsonNode statuses = body.get("statuses");
        if (!statuses.isArray()) {
            throw new MalformedWebhook("'statuses' must be an array, not " + JsonNodes.kind(statuses));
        }
        JsonNode errors = body.get("errors");
        List<RawStatus> items = new ArrayList<>(statuses.size());
        for (int i = 0; i < statuses.size(); i++) {
            items.add(new RawStatus(i, "statuses[" + i + "]", statuses.get(i), errors));
        }
        return new ParsedWebhook(name(), items, List.of());
    }
}
