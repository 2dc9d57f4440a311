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
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;
import org.xnio.XnioExecutor;
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

    private final ReceiverLimits limits;
    private final WebhookAuth auth;
    private final VerificationHandshake handshake;
    private final BodyReader bodies = new BodyReader();
    private final FormatDetector formats;
    private final StatusValidator validator;
    private final IngestQueue queue;
    private final RequestCounters counters;
    private final IngestMetrics metrics;
    private final Answers answers;
    private final BooleanSupplier storeFailing;

    WebhookHandler(ReceiverLimits limits, WebhookAuth auth, String verifyToken, FormatDetector formats,
                   StatusValidator validator, IngestQueue queue, RequestCounters counters,
                   IngestMetrics metrics, Answers answers, BooleanSupplier storeFailing) {
        this.limits = limits;
        this.auth = auth;
        this.handshake = new VerificationHandshake(verifyToken, answers);
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
            handshake.answer(exchange);
        } else {
            exchange.getResponseHeaders().put(Headers.ALLOW, "GET, POST");
            refuse(exchange, 405, "method_not_allowed", "use POST for status webhooks, GET for the verification handshake");
        }
    }

    private void receive(HttpServerExchange exchange) {
        long declared = exchange.getRequestContentLength();
        if (declared > limits.maxBodyBytes()) {
            // Undertow reads and discards the unread body after the answer (up to the server-wide entity
            // limit), so that the sender, still uploading, is not cut off by a reset before it reads the 413.
            refuse(exchange, 413, "body_too_large", "the body is " + declared + " bytes; the limit is "
                    + limits.maxBodyBytes());
            return;
        }
        // Collected chunk by chunk so that a body over the limit without Content-Length (chunked) still
        // gets its 413 as soon as the limit is passed.
        ByteArrayOutputStream collected = new ByteArrayOutputStream();
        boolean[] refused = {false}; // touched on this exchange's IO thread only, like the deadline below
        XnioExecutor.Key deadline = exchange.getIoThread().executeAfter(() -> {
            if (!refused[0]) {
                refused[0] = true;
                exchange.setPersistent(false);
                refuse(exchange, 408, "request_timeout", "the body did not arrive within "
                        + limits.clientTimeoutMillis() + " ms");
            }
        }, limits.clientTimeoutMillis(), TimeUnit.MILLISECONDS);
        exchange.getRequestReceiver().receivePartialBytes(
                (ex, chunk, last) -> {
                    if (refused[0]) {
                        return;
                    }
                    if (collected.size() + chunk.length > limits.maxBodyBytes()) {
                        refused[0] = true; // later chunks are discarded, as above
                        deadline.remove();
                        refuse(ex, 413, "body_too_large", "the body is over the limit of " + limits.maxBodyBytes()
                                + " bytes");
                        return;
                    }
                    collected.write(chunk, 0, chunk.length);
                    if (last) {
                        refused[0] = true; // complete: the deadline no longer applies
                        deadline.remove();
                        byte[] body = collected.toByteArray();
                        ex.dispatch(() -> processSafely(ex, body));
                    }
                },
                (ex, error) -> {
                    deadline.remove();
                    LOG.debug("Could not read a webhook body: {}", error.toString());
                    ex.setPersistent(false);
                    ex.endExchange();
                });
    }

    /**
     * A bug must never leave a sender waiting for an answer: anything unexpected is logged and
     * answered 500 (the provider retries; nothing of this request was acknowledged).
     */
    private void processSafely(HttpServerExchange exchange, byte[] body) {
        try {
            process(exchange, body);
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure while handling a webhook; answered 500", e);
            if (!exchange.isResponseStarted()) {
                refuse(exchange, 500, "internal_error", "Tickwatch failed to handle this request; it was not stored");
            }
        }
    }

    /** On a worker thread: everything up to queueing; the answer comes later from {@link #answerCommitted}. */
    private void process(HttpServerExchange exchange, byte[] body) {
        long received = System.currentTimeMillis();
        RequestRecorder.Details details = details(exchange);
        details.body = body;
        WebhookAuth.Verdict verdict = auth.check(exchange, body);
        details.auth = verdict.label;
        if (!verdict.passes()) {
            String[] refusal = auth.refusal(verdict);
            refuse(exchange, 401, refusal[0], refusal[1]);
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
        details.format = parsed.format();
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
        details.rejected = List.copyOf(rejected);
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
                details.accepted = result.accepted().size();
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
        onIoThread(exchange, () -> answers.json(exchange, 200, body));
    }

    private void refuse(HttpServerExchange exchange, int status, String code, String message) {
        count(status);
        onIoThread(exchange, () -> answers.error(exchange, status, code, message));
    }

    private void refuseUnavailable(HttpServerExchange exchange, int retryAfter, String code, String message) {
        count(503);
        onIoThread(exchange, () -> answers.unavailable(exchange, retryAfter, code, message));
    }

    /**
     * Answers are written by the exchange's IO thread. The worker that checks and parses a body was handed the
     * exchange from inside a receive callback, while the IO thread may still be finishing that callback; a
     * worker writing the answer (and so ending the exchange and starting the connection's next request) at
     * that moment reset keep-alive connections under concurrent load (seen with unsigned requests answered 401
     * on 32 connections).
     */
    private static void onIoThread(HttpServerExchange exchange, Runnable answer) {
        if (exchange.isInIoThread()) {
            answer.run();
        } else {
            exchange.getIoThread().execute(answer);
        }
    }

    private void count(int status) {
        counters.count(status);
        metrics.answered(status);
    }

    /** The recorder's details, or a detached one when the handler runs without the recorder. */
    private static RequestRecorder.Details details(HttpServerExchange exchange) {
        RequestRecorder.Details d = exchange.getAttachment(RequestRecorder.DETAILS);
        return d != null ? d : new RequestRecorder.Details();
    }

    private static String source(HttpServerExchange exchange) {
        return exchange.getSourceAddress() == null || exchange.getSourceAddress().getAddress() == null
                ? null : exchange.getSourceAddress().getAddress().getHostAddress();
    }

}
