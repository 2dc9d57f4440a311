package io.tickwatch.receiver;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickwatch.ingest.IngestQueue;
import io.tickwatch.ingest.IngestMetrics;
import io.tickwatch.ingest.IngestRequest;
import io.tickwatch.ingest.Rejection;
import io.tickwatch.ingest.RequestCounters;
import io.tickwatch.ingest.StatusValidator;
import io.tickwatch.receiver.formats.FormatDetector;
import io.tickwatch.receiver.formats.MalformedWebhook;
import io.tickwatch.receiver.formats.ParsedWebhook;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RequestTooBigException;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhook}: the body is received without blocking on the IO thread, then checked,
 * parsed and validated on a worker thread, queued for the group-commit writer, and answered on the
 * IO thread once the commit holding its items is done. {@code GET} is Meta's verification handshake.
 */
final class WebhookHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);
    private static final HttpString SIGNATURE = new HttpString("X-Hub-Signature-256");

    private final ReceiverLimits limits;
    private final SignatureVerifier signatures;
    private final String verifyToken;
    private final BodyReader bodies = new BodyReader();
    private final FormatDetector formats;
    private final StatusValidator validator;
    private final IngestQueue queue;
    private final RequestCounters counters;
    private final IngestMetrics metrics;
    private final Answers answers;
    private final BooleanSupplier storeFailing;

    WebhookHandler(ReceiverLimits limits, String appSecret, String verifyToken, FormatDetector formats,
                   StatusValidator validator, IngestQueue queue, RequestCounters counters,
                   IngestMetrics metrics, Answers answers, BooleanSupplier storeFailing) {
        this.limits = limits;
        this.signatures = appSecret == null ? null : new SignatureVerifier(appSecret);
        this.verifyToken = verifyToken;
        this.formats = formats;
        this.validator = validator;
        this.queue = queue;
        this.counters = counters;
        this.metrics = metrics;
        this.answers = answers;
        this.storeFailing = storeFailing;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) {
        if (Methods.POST.equals(exchange.getRequestMethod())) {
            receive(exchange);
        } else if (Methods.GET.equals(exchange.getRequestMethod())) {
            new VerificationHandshake(verifyToken, answers).answer(exchange);
        } else {
            exchange.getResponseHeaders().put(Headers.ALLOW, "GET, POST");
            refuse(exchange, 405, "method_not_allowed", "use POST for status webhooks, GET for the verification handshake");
        }
    }

    private void receive(HttpServerExchange exchange) {
        long declared = exchange.getRequestContentLength();
        if (declared > limits.maxBodyBytes()) {
            exchange.setPersistent(false); // the unread body must not be taken for the next request
            refuse(exchange, 413, "body_too_large", "the body is " + declared + " bytes; the limit is "
                    + limits.maxBodyBytes());
            return;
        }
        exchange.setMaxEntitySize(limits.maxBodyBytes());
        exchange.getRequestReceiver().receiveFullBytes(
                (ex, body) -> ex.dispatch(() -> process(ex, body)),
                (ex, error) -> {
                    ex.setPersistent(false);
                    if (error instanceof RequestTooBigException) {
                        refuse(ex, 413, "body_too_large", "the body is over the limit of " + limits.maxBodyBytes()
                                + " bytes");
                    } else {
                        LOG.debug("Could not read a webhook body: {}", error.toString());
                        ex.endExchange();
                    }
                });
    }

    /** On a worker thread: everything up to queueing; the answer comes later from {@link #answerCommitted}. */
    private void process(HttpServerExchange exchange, byte[] body) {
        long received = System.currentTimeMillis();
        if (signatures != null && !signatures.verify(body, exchange.getRequestHeaders().getFirst(SIGNATURE))) {
            refuse(exchange, 401, "bad_signature", exchange.getRequestHeaders().contains(SIGNATURE)
                    ? "X-Hub-Signature-256 does not match the body signed with the app secret"
                    : "X-Hub-Signature-256 is required: an app secret is configured");
            return;
        }
        ParsedWebhook parsed;
        try {
            parsed = formats.parse(bodies.read(body));
        } catch (BodyReader.Refused e) {
            refuse(exchange, e.status, e.code, e.getMessage());
            return;
        } catch (MalformedWebhook e) {
            refuse(exchange, 400, "unrecognised_webhook", e.getMessage());
            return;
        }
        int itemCount = parsed.items().size() + parsed.structural().size();
        if (itemCount > limits.maxItemsPerRequest()) {
            refuse(exchange, 413, "too_many_items", "the body holds " + itemCount + " items; the limit is "
                    + limits.maxItemsPerRequest() + " per request");
            return;
        }
        StatusValidator.Result result = validator.validate(parsed.items(), received);
        List<Rejection> rejected = new ArrayList<>(parsed.structural());
        rejected.addAll(result.rejected());
        rejected.sort(Comparator.comparingInt(Rejection::index));
        if (result.accepted().isEmpty() && rejected.isEmpty()) {
            answerCommitted(exchange, 0, rejected); // inbound messages, other fields: nothing to store
            return;
        }
        IngestRequest request = new IngestRequest(received, source(exchange), parsed.format(),
                new String(body, StandardCharsets.UTF_8), result.accepted(), rejected);
        if (storeFailing.getAsBoolean()) {
            // Queued, it would wait for a connection the pool cannot make (up to its timeout) and then fail:
            // tell the sender at once, it retries (FORMATS.md §2).
            refuseUnavailable(exchange, 5, "store_unavailable", "the database is unreachable; retry later");
            return;
        }
        if (!queue.offer(request)) {
            refuseUnavailable(exchange, 1, "queue_full", "the ingest queue is full; retry shortly");
            return;
        }
        request.committed().whenComplete((ok, failure) -> exchange.getIoThread().execute(() -> {
            if (failure == null) {
                answerCommitted(exchange, result.accepted().size(), rejected);
            } else {
                refuseUnavailable(exchange, 5, "store_unavailable", "the store could not commit this request; retry later");
            }
        }));
    }

    private void answerCommitted(HttpServerExchange exchange, int processed, List<Rejection> rejected) {
        ObjectNode body = answers.mapper().createObjectNode()
                .put("status", rejected.isEmpty() ? "success" : "partial_success")
                .put("processed", processed);
        ArrayNode list = body.putArray("rejected");
        for (Rejection r : rejected) {
            list.addObject().put("index", r.index()).put("path", r.path()).put("reason", r.reason());
        }
        count(200);
        answers.json(exchange, 200, body);
    }

    private void refuse(HttpServerExchange exchange, int status, String code, String message) {
        count(status);
        answers.error(exchange, status, code, message);
    }

    private void refuseUnavailable(HttpServerExchange exchange, int retryAfter, String code, String message) {
        count(503);
        answers.unavailable(exchange, retryAfter, code, message);
    }

    private void count(int status) {
        counters.count(status);
        metrics.answered(status);
    }

    private static String source(HttpServerExchange exchange) {
        return exchange.getSourceAddress() == null || exchange.getSourceAddress().getAddress() == null
                ? null : exchange.getSourceAddress().getAddress().getHostAddress();
    }

}
