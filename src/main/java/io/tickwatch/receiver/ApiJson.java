package io.tickwatch.receiver;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickwatch.ingest.Rejection;
import io.tickwatch.ingest.Timestamps;
import java.util.List;
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

    /** The request log, newest first; headers and query are already redacted. */
    ArrayNode requests(List<RequestLog.Entry> entries) {
        ArrayNode list = mapper.createArrayNode();
        for (RequestLog.Entry e : entries) {
            ObjectNode node = list.addObject().put("seq", e.seq()).put("receivedAt", Timestamps.format(e.receivedAt()))
                    .put("source", e.source()).put("method", e.method()).put("uri", e.uri()).put("status", e.status())
                    .put("latencyMillis", e.latencyMicros() / 1000.0).put("format", e.format()).put("auth", e.auth())
                    .put("accepted", e.accepted());
            ArrayNode rejected = node.putArray("rejected");
            for (Rejection r : e.rejected()) {
                rejected.addObject().put("index", r.index()).put("path", r.path()).put("reason", r.reason());
            }
            ObjectNode headers = node.putObject("headers");
            e.headers().forEach(headers::put);
            node.put("body", e.body()).put("bodyTruncated", e.bodyTruncated());
        }
        return list;
    }

    private static void time(ObjectNode node, String field, Long millis) {
        node.put(field, millis == null ? null : Timestamps.format(millis));
    }
}
