package io.tickwatch.config;

/** A setting has a value we cannot use; the message names the setting and where it came from. */
public final class InvalidSettings extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidSettings(String message) {
        super(message);
    }
}
