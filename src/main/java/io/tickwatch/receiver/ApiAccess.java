package io.tickwatch.receiver;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Guards {@code /api} and {@code /metrics} (DESIGN.md §3): loopback clients only, unless an API token is
 * configured; then {@code Authorization: Bearer <token>} is required from everyone.
 */
final class ApiAccess implements HttpHandler {

    private final String apiToken;
    private final Answers answers;
    private final HttpHandler next;

    ApiAccess(String apiToken, Answers answers, HttpHandler next) {
        this.apiToken = apiToken;
        this.answers = answers;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        if (apiToken != null) {
            String header = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
            if (header == null || !header.startsWith("Bearer ") || !MessageDigest.isEqual(
                    header.substring(7).trim().getBytes(StandardCharsets.UTF_8),
                    apiToken.getBytes(StandardCharsets.UTF_8))) {
                exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer");
                answers.error(exchange, 401, "unauthorized", "send Authorization: Bearer <API token>");
                return;
            }
        } else if (!isLoopback(exchange.getSourceAddress())) {
            answers.error(exchange, 403, "loopback_only",
                    "the API answers loopback clients only unless an API token is configured (TICKWATCH_API_TOKEN)");
            return;
        }
        next.handleRequest(exchange);
    }

    static boolean isLoopback(InetSocketAddress source) {
        return source != null && source.getAddress() != null && source.getAddress().isLoopbackAddress();
    }
}
