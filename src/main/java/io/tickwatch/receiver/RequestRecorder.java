package io.tickwatch.receiver;

import io.tickwatch.ingest.Rejection;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HeaderValues;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Outermost middleware of {@code /webhook}: every request, whatever its answer, ends up in the
 * {@link RequestLog} once its answer is sent. The webhook handler fills in what it learnt (format,
 * verdict, items, body) through a {@link Details} attachment. Secrets are redacted here.
 */
final class RequestRecorder implements HttpHandler {

    static final AttachmentKey<Details> DETAILS = AttachmentKey.create(Details.class);

    private static final Set<String> SECRET_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "x-hub-signature-256", "x-hub-signature", "x-tickwatch-token", "x-twilio-signature", "x-aisensy-signature");
    private static final Pattern TOKEN_PARAM = Pattern.compile("(?i)((?:^|&)(?:token|hub\\.verify_token)=)[^&]*");

    /** What the webhook handler found out about a request; written by one thread at a time. */
    static final class Details {
        volatile String format;
        volatile String auth;
        volatile int accepted;
        volatile List<Rejection> rejected = List.of();
        volatile byte[] body;
    }

    private final RequestLog log;
    private final HttpHandler next;

    RequestRecorder(RequestLog log, HttpHandler next) {
        this.log = log;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        long started = System.nanoTime();
        long receivedAt = System.currentTimeMillis();
        Details details = new Details();
        exchange.putAttachment(DETAILS, details);
        exchange.addExchangeCompleteListener((ex, nextListener) -> {
            try {
                log.add(entry(ex, details, receivedAt, (System.nanoTime() - started) / 1_000));
            } finally {
                nextListener.proceed();
            }
        });
        next.handleRequest(exchange);
    }

    private RequestLog.Entry entry(HttpServerExchange ex, Details d, long receivedAt, long micros) {
        byte[] body = d.body == null ? new byte[0] : d.body;
        // Runs on the IO thread for every request: decode only what the log keeps, not a 3 MiB body.
        boolean truncated = body.length > RequestLog.MAX_BODY_BYTES;
        String text = new String(body, 0, Math.min(body.length, RequestLog.MAX_BODY_BYTES), StandardCharsets.UTF_8);
        String query = ex.getQueryString();
        String uri = ex.getRequestURI() + (query == null || query.isEmpty() ? "" : "?" + redactQuery(query));
        String source = ex.getSourceAddress() == null || ex.getSourceAddress().getAddress() == null ? null
                : ex.getSourceAddress().getAddress().getHostAddress();
        return new RequestLog.Entry(log.nextSeq(), receivedAt, source, ex.getRequestMethod().toString(), uri,
                ex.getStatusCode(), micros, d.format, d.auth, d.accepted, d.rejected, headers(ex),
                text, truncated);
    }

    private static Map<String, String> headers(HttpServerExchange ex) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (HeaderValues values : ex.getRequestHeaders()) {
            String name = values.getHeaderName().toString();
            headers.put(name, SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT)) ? "[redacted]"
                    : String.join(", ", values));
        }
        return headers;
    }

    static String redactQuery(String query) {
        return TOKEN_PARAM.matcher(query).replaceAll("$1[redacted]");
    }
}
