package io.tickwatch.demo;

/** A capture file that cannot be replayed; the message names the file and the line, and says what is wrong. */
public final class BadCaptureFile extends Exception {

    private static final long serialVersionUID = 1L;

    public BadCaptureFile(String message) {
        super(message);
    }
}
