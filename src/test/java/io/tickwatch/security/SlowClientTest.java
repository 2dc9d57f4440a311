package io.tickwatch.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.testing.RunningTickwatch;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Slow clients (slowloris): a sender that stalls in its headers or in its body is disconnected after
 * the client timeout, stores nothing, and meanwhile everyone else is served.
 */
class SlowClientTest {

    @RegisterExtension
    static final RunningTickwatch tw = RunningTickwatch.perClass(Map.of("TICKWATCH_CLIENT_TIMEOUT_MS", "700"));

    @Test
    void aClientStallingInItsHeadersIsDisconnected() throws Exception {
        try (Socket s = new Socket("127.0.0.1", tw.app().port())) {
            s.getOutputStream().write("POST /webhook HTTP/1.1\r\nHost: localhost\r\nContent-Ty".getBytes(StandardCharsets.US_ASCII));
            assertThat(tw.get("/health").status()).as("others are served meanwhile").isEqualTo(200);
            assertThat(closedWithin(s, 10_000)).isTrue();
        }
    }

    @Test
    void aClientStallingInItsBodyGets408IsDisconnectedAndNothingIsStored() throws Exception {
        try (Socket s = new Socket("127.0.0.1", tw.app().port())) {
            String body = "{\"statuses\":[{\"id\":\"wamid.slow\",\"status\":\"sent\",\"timestamp\":\"1702207800\"}]}";
            OutputStream out = s.getOutputStream();
            out.write(("POST /webhook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length() + "\r\n\r\n" + body.substring(0, 20)).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            s.setSoTimeout(10_000);
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertThat(statusLine).isEqualTo("HTTP/1.1 408 Request Time-out");
            assertThat(closedWithin(s, 10_000)).isTrue();
        }
        assertThat(tw.queryLong("SELECT COUNT(*) FROM messages WHERE id = 'wamid.slow'")).isZero();
    }

    /** True when the server closes the connection (EOF or reset) before the deadline; any answer bytes are skipped. */
    private static boolean closedWithin(Socket s, int millis) throws Exception {
        s.setSoTimeout(millis);
        InputStream in = s.getInputStream();
        byte[] buffer = new byte[4096];
        try {
            while (true) {
                if (in.read(buffer) < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true; // reset by the server
        }
    }
}
