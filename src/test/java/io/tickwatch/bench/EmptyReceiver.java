package io.tickwatch.bench;

import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;

/**
 * The HTTP ceiling of the ingest benchmark: the same HTTP stack as Tickwatch's receiver (Undertow; the
 * body gathered on the IO thread, handed to a worker thread, the answer written by the IO thread) answering every webhook with
 * Tickwatch's success body, without parsing, validating or storing anything. Driven by the same load
 * generator on the same machine, it shows how many requests per second the HTTP layer and the load
 * generator alone leave room for on these cores. For the benchmark only: it stores nothing.
 *
 * <p>Usage: {@code EmptyReceiver}; logs "Listening on http://127.0.0.1:PORT/webhook".
 */
public final class EmptyReceiver {

    private static final String SUCCESS = "{\"status\":\"success\",\"processed\":1,\"rejected\":[]}";

    private EmptyReceiver() {
    }

    public static void main(String[] args) throws Exception {
        HttpHandler answer = exchange -> {
            ByteArrayOutputStream collected = new ByteArrayOutputStream();
            exchange.getRequestReceiver().receivePartialBytes((ex, chunk, last) -> {
                collected.write(chunk, 0, chunk.length);
                if (last) {
                    // as Tickwatch's receiver: on to a worker thread (where it parses), and the answer
                    // written by the exchange's IO thread (where Tickwatch writes it after the commit)
                    int size = collected.size();
                    ex.dispatch(() -> ex.getIoThread().execute(() -> reply(ex, size)));
                }
            });
        };
        Undertow server = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(answer).build();
        server.start();
        int port = ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
        System.out.println("Listening on http://127.0.0.1:" + port + "/webhook");
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        Thread.currentThread().join();
    }

    private static void reply(HttpServerExchange exchange, int bodyBytes) {
        exchange.getResponseHeaders().put(io.undertow.util.Headers.CONTENT_TYPE, "application/json");
        exchange.getResponseSender().send(bodyBytes > 0 ? SUCCESS : "{\"error\":\"empty body\"}");
    }
}
