package io.tickwatch.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.testing.RunningTickwatch;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A connection beyond TICKWATCH_MAX_CONNECTIONS gets a clear 503, and the ones within keep working. */
class ConnectionLimitTest {

    @TempDir
    Path dir;

    @Test
    void aConnectionBeyondTheLimitIsAnswered503() throws Exception {
        try (RunningTickwatch tw = RunningTickwatch.start(dir, Map.of("TICKWATCH_MAX_CONNECTIONS", "2"))) {
            List<Socket> held = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    Socket s = new Socket("127.0.0.1", tw.app().port());
                    held.add(s);
                    assertThat(statusLine(s)).contains(" 200 ");
                }
                Socket third = new Socket("127.0.0.1", tw.app().port());
                held.add(third);
                String answer = statusLine(third);
                assertThat(answer).contains(" 503 ");
                // the held connections are still served
                assertThat(statusLine(held.get(0))).contains(" 200 ");
            } finally {
                for (Socket s : held) {
                    s.close();
                }
            }
        }
    }

    /** Sends GET /health on a kept-alive connection and returns the status line of the answer. */
    private static String statusLine(Socket s) throws Exception {
        OutputStream out = s.getOutputStream();
        out.write("GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
        String status = in.readLine();
        int length = 0;
        String line;
        while ((line = in.readLine()) != null && !line.isEmpty()) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.skip(length);
        return status;
    }
}
