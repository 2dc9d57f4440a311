package io.tickwatch.receiver.formats;

/** The body is JSON but not a webhook we can read at all; answered 400 with this message. */
public final class MalformedWebhook extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedWebhook(String message) {
        super(message, null, false, false);
    }
}
