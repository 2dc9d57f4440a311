package io.tickwatch.receiver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickwatch.ingest.Timestamps;
import io.tickwatch.model.FunnelStatus;
import io.tickwatch.model.MessageState;
import io.tickwatch.store.EventView;
import io.tickwatch.store.FunnelCounts;
import io.tickwatch.store.MessageView;
import io.tickwatch.store.PhoneFunnel;

/** The API's JSON shapes (DESIGN.md §3), field order included; times as ISO-8601 UTC. */
final class ApiJson {

    private final ObjectMapper mapper;

    ApiJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectNode message(MessageView view) {
        MessageState s = view.state();
        ObjectNode node = mapper.createObjectNode().put("id", s.id()).put("phone", s.phone());
        time(node, "sent", s.sent());
        time(node, "delivered", s.delivered());
        node.put("deliveredInferred", s.deliveredInferred());
        time(node, "read", s.read());
        time(node, "failed", s.failed());
        node.put("errorCode", s.errorCode()).put("errorTitle", s.errorTitle());
        node.put("currentStatus", s.currentStatus().map(FunnelStatus::wireName).orElse(null));
        time(node, "firstReceived", s.firstReceived());
        time(node, "lastReceived", s.lastReceived());
        ArrayNode events = node.putArray("events");
        for (EventView e : view.events()) {
            events.addObject().put("status", e.status()).put("at", Timestamps.format(e.at()))
                    .put("receivedAt", Timestamps.format(e.receivedAt())).put("seen", e.seen());
        }
        return node;
    }

    ObjectNode funnel(FunnelCounts f) {
        return mapper.createObjectNode().put("messages", f.messages()).put("sent", f.sent())
                .put("delivered", f.delivered()).put("read", f.read()).put("failed", f.failed())
                .put("deliveryRate", f.deliveryRate()).put("readRate", f.readRate());
    }

    ObjectNode phone(PhoneFunnel p) {
        ObjectNode node = mapper.createObjectNode().put("phone", p.phone());
        node.setAll(funnel(p.counts()));
        time(node, "lastActivity", p.lastActivity());
        return node;
    }

    private static void time(ObjectNode node, String field, Long millis) {
        node.put(field, millis == null ? null : Timestamps.format(millis));
    }
}
