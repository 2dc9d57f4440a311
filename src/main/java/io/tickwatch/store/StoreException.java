package io.tickwatch.store;

/** The store could not do what was asked (unreachable, constraint, I/O); callers answer 503. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
