package io.tickwatch.receiver.formats;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One provider layout of a status webhook. A format recognises its body by shape and lists the status
 * items it holds; validation of each item happens afterwards, the same for every format.
 * Implementations are stateless and thread-safe.
 */
public interface WebhookFormat {

    /** Short name, as stored with each request and shown in the inspector. */
    String name();

    boolean recognises(ObjectNode body);

    /** @throws MalformedWebhook when the body's outer shape is wrong, so no item can be found at all */
    ParsedWebhook parse(ObjectNode body) throws MalformedWebhook;
}
