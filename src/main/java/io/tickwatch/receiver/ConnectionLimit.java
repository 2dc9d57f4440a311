package io.tickwatch.receiver;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.ServerConnection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Caps open client connections: a request arriving on a connection beyond the cap is answered 503
 * with Retry-After and the connection is closed, so the sender learns why instead of hanging.
 * (The listener's XNIO high-water mark stops accepting at twice the cap as a hard limit.)
 */
final class ConnectionLimit implements HttpHandler {

    private final int max;
    private final Answers answers;
    private final HttpHandler next;
    private final Set<ServerConnection> open = ConcurrentHashMap.newKeySet();

    ConnectionLimit(int max, Answers answers, HttpHandler next) {
        this.max = max;
        this.answers = answers;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        ServerConnection connection = exchange.getConnection();
        if (!open.contains(connection)) {
            if (open.size() >= max) {
                exchange.setPersistent(false);
                answers.unavailable(exchange, 1, "too_many_connections", "more than " + max
                        + " open connections; retry shortly");
                return;
            }
            open.add(connection);
            connection.addCloseListener(open::remove);
        }
        next.handleRequest(exchange);
    }
}
