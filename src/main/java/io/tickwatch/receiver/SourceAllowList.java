package io.tickwatch.receiver;

import io.tickwatch.config.Cidr;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.net.InetAddress;
import java.util.List;

/** Refuses webhook requests from outside the configured ranges with 403; off when the list is empty. */
final class SourceAllowList implements HttpHandler {

    private final List<Cidr> allowed;
    private final Answers answers;
    private final HttpHandler next;

    SourceAllowList(List<Cidr> allowed, Answers answers, HttpHandler next) {
        this.allowed = List.copyOf(allowed);
        this.answers = answers;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        InetAddress source = exchange.getSourceAddress() == null ? null : exchange.getSourceAddress().getAddress();
        if (!allowed.isEmpty() && (source == null || allowed.stream().noneMatch(c -> c.contains(source)))) {
            answers.error(exchange, 403, "source_not_allowed",
                    "this source address is not in the allow-list (TICKWATCH_ALLOWED_SOURCES)");
            return;
        }
        next.handleRequest(exchange);
    }
}
