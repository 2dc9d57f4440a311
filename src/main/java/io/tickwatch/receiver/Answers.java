package io.tickwatch.receiver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Writes JSON answers; every refusal carries {@code {"error": code, "message": why}}. */
public final class Answers {

    static final String JSON = "application/json";
    private static final HttpString RETRY_AFTER = new HttpString("Retry-After");

    private final ObjectMapper mapper;

    public Answers(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    void json(HttpServerExchange exchange, int status, Object body) {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answer not serialisable", e);
        }
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, JSON);
        exchange.getResponseSender().send(ByteBuffer.wrap(bytes));
    }

    void error(HttpServerExchange exchange, int status, String code, String message) {
        ObjectNode body = mapper.createObjectNode().put("error", code).put("message", message);
        json(exchange, status, body);
    }

    /** 503 with Retry-After: the sender should come back, nothing of this request was kept. */
    void unavailable(HttpServerExchange exchange, int retryAfterSeconds, String code, String message) {
        retryLater(exchange, 503, retryAfterSeconds, code, message);
    }

    /** A refusal the sender should retry after the given seconds (429, 503). */
    void retryLater(HttpServerExchange exchange, int status, int retryAfterSeconds, String code, String message) {
        exchange.getResponseHeaders().put(RETRY_AFTER, Integer.toString(retryAfterSeconds));
        error(exchange, status, code, message);
    }

    void text(HttpServerExchange exchange, int status, String body) {
        exchange.setStatusCode(status);
        exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain; charset=utf-8");
        exchange.getResponseSender().send(body, StandardCharsets.UTF_8);
    }
}
