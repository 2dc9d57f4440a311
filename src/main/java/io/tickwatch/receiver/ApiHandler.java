package io.tickwatch.receiver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickwatch.ingest.Phones;
import io.tickwatch.ingest.Timestamps;
import io.tickwatch.model.FunnelStatus;
import io.tickwatch.store.FunnelQuery;
import io.tickwatch.store.MessagePage;
import io.tickwatch.store.MessageQuery;
import io.tickwatch.store.MessageView;
import io.tickwatch.store.PhoneFunnel;
import io.tickwatch.store.PhoneSort;
import io.tickwatch.store.StatusStore;
import io.tickwatch.store.StoreException;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read-only query API under {@code /api}. Runs on worker threads (store queries block); parameters
 * are checked strictly and refused with 400 and a reason.
 */
final class ApiHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);
    private static final String MESSAGES = "/api/messages";

    private final StatusStore store;
    private final RequestLog requestLog;
    private final Answers answers;
    private final ApiJson json;

    ApiHandler(StatusStore store, RequestLog requestLog, Answers answers) {
        this.store = store;
        this.requestLog = requestLog;
        this.answers = answers;
        this.json = new ApiJson(answers.mapper());
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(this);
            return;
        }
        if (!Methods.GET.equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().put(Headers.ALLOW, "GET");
            answers.error(exchange, 405, "method_not_allowed", "the API is read-only: use GET");
            return;
        }
        String path = exchange.getRequestURI();
        try {
            QueryParams params = QueryParams.parse(exchange.getQueryString());
            if (path.startsWith(MESSAGES + "/") && path.length() > MESSAGES.length() + 1) {
                oneMessage(exchange, PathIds.decode(path.substring(MESSAGES.length() + 1)));
            } else if (path.equals(MESSAGES) || path.equals(MESSAGES + "/")) {
                messages(exchange, params);
            } else if (path.equals("/api/funnel")) {
                answers.json(exchange, 200, json.funnel(store.funnel(new FunnelQuery(phone(params),
                        time(params, "since"), time(params, "until")))));
            } else if (path.equals("/api/phones")) {
                phones(exchange, params);
            } else if (path.equals("/api/requests")) {
                answers.json(exchange, 200, json.requests(requestLog.recent(params.intValue("limit", 50, 1, 500))));
            } else {
                answers.error(exchange, 404, "not_found", "no such API resource: " + path);
            }
        } catch (BadRequest e) {
            answers.error(exchange, 400, e.code(), e.getMessage());
        } catch (StoreException e) {
            LOG.warn("API query failed: {}", e.toString());
            answers.unavailable(exchange, 5, "store_unavailable", "the store could not answer; retry later");
        }
    }

    private void oneMessage(HttpServerExchange exchange, String id) {
        Optional<MessageView> view = store.message(id);
        if (view.isPresent()) {
            answers.json(exchange, 200, json.message(view.get()));
        } else {
            answers.error(exchange, 404, "unknown_message", "no message with this id has been received");
        }
    }

    private void messages(HttpServerExchange exchange, QueryParams params) throws BadRequest {
        MessageQuery query = new MessageQuery(params.get("q"), phone(params), status(params),
                time(params, "since"), time(params, "until"),
                params.intValue("limit", MessageQuery.DEFAULT_LIMIT, 1, MessageQuery.MAX_LIMIT), cursor(params));
        MessagePage page = store.messages(query);
        ObjectNode body = answers.mapper().createObjectNode();
        ArrayNode items = body.putArray("items");
        page.items().forEach(m -> items.add(json.message(m)));
        body.put("next", page.nextSeq() == null ? null : encodeCursor(page.nextSeq()));
        answers.json(exchange, 200, body);
    }

    private void phones(HttpServerExchange exchange, QueryParams params) throws BadRequest {
        int limit = params.intValue("limit", 50, 1, 1000);
        String sortName = params.get("sort");
        PhoneSort sort = sortName == null ? PhoneSort.MESSAGES : PhoneSort.parse(sortName).orElseThrow(() ->
                new BadRequest("invalid_query", "'sort' must be one of messages, readRate, failed, lastActivity, phone"));
        ArrayNode list = answers.mapper().createArrayNode();
        for (PhoneFunnel p : store.phones(limit, sort)) {
            list.add(json.phone(p));
        }
        answers.json(exchange, 200, list);
    }

    private static String phone(QueryParams params) throws BadRequest {
        String raw = params.get("phone");
        if (raw == null) {
            return null;
        }
        String phone = Phones.normalise(raw);
        if (phone == null) {
            throw new BadRequest("invalid_query", "'phone' must hold the digits of a phone number");
        }
        return phone;
    }

    private static FunnelStatus status(QueryParams params) throws BadRequest {
        String raw = params.get("status");
        if (raw == null) {
            return null;
        }
        return FunnelStatus.of(raw.trim().toLowerCase(java.util.Locale.ROOT)).orElseThrow(() ->
                new BadRequest("invalid_query", "'status' must be sent, delivered, read or failed"));
    }

    private static Long time(QueryParams params, String name) throws BadRequest {
        String raw = params.get(name);
        if (raw == null) {
            return null;
        }
        try {
            return Timestamps.parse(raw);
        } catch (Timestamps.InvalidTimestamp e) {
            throw new BadRequest("invalid_query", "'" + name + "': " + e.getMessage());
        }
    }

    private static Long cursor(QueryParams params) throws BadRequest {
        String raw = params.get("cursor");
        if (raw == null) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(raw), StandardCharsets.US_ASCII);
            if (!decoded.startsWith("seq:")) {
                throw new IllegalArgumentException("not a cursor");
            }
            return Long.parseLong(decoded.substring(4));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("invalid_cursor", "'cursor' is not a cursor this API gave out");
        }
    }

    private static String encodeCursor(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("seq:" + seq).getBytes(StandardCharsets.US_ASCII));
    }
}
