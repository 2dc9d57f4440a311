package io.tickwatch.testing;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads HTTP/1.1 answers off a plain keep-alive socket, for clients that must cost next to nothing (the
 * benchmark's load generator) or see each connection as it is (tests of many connections at once).
 */
public final class RawHttpAnswers {

    private RawHttpAnswers() {
    }

    /** Reads one answer (status line, headers, Content-Length body) and returns its status code. */
    public static int readStatus(InputStream in) throws IOException {
        int status = Integer.parseInt(line(in).substring(9, 12));
        int length = 0;
        String header;
        while (!(header = line(in)).isEmpty()) {
            if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
                length = Integer.parseInt(header.substring(15).trim());
            }
        }
        if (in.readNBytes(length).length != length) {
            throw new IOException("connection closed mid-answer");
        }
        return status;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder(64);
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("connection closed before an answer");
            }
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }
}
