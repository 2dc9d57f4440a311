package io.tickwatch.receiver;

/** A request we refuse with 400 and a JSON error. */
final class BadRequest extends Exception {
    private static final long serialVersionUID = 1L;

    private final String code;

    BadRequest(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    String code() {
        return code;
    }
}
