package io.tickwatch.http;

import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.testing.RawHttpAnswers;
import io.tickwatch.testing.RunningTickwatch;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input gets a clear answer under load too: many keep-alive connections posting unsigned webhooks at
 * once each get their 401, on the same connection, request after request. Refusals are decided on a worker
 * thread; when the worker also wrote the answer, connections were reset within seconds at this load (and
 * the receiver slowed from about 7,000 to under 1,000 answers a second).
 */
class ConcurrentRefusalsOverHttpTest {

    private static final int CONNECTIONS = 32;
    private static final long SECONDS = 4;

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void everyConnectionGetsItsRefusalsAndStaysUsable() throws Exception {
        try (RunningTickwatch tw = RunningTickwatch.start(dir, Map.of("TICKWATCH_APP_SECRET", "not-sent-by-anyone"))) {
            byte[] body = onPremises(status("unsigned.1", "delivered", "1702207805", "919876543210"))
                    .getBytes(StandardCharsets.UTF_8);
            byte[] request = ("POST /webhook HTTP/1.1\r\nHost: test\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n" + new String(body, StandardCharsets.UTF_8))
                    .getBytes(StandardCharsets.UTF_8);
            Map<Integer, AtomicLong> answers = new ConcurrentHashMap<>();
            List<String> failures = Collections.synchronizedList(new ArrayList<>());
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CONNECTIONS; c++) {
                Thread t = new Thread(() -> {
                    int sent = 0;
                    try (Socket socket = new Socket("127.0.0.1", tw.uri("/webhook").getPort())) {
                        socket.setTcpNoDelay(true);
                        socket.setSoTimeout(10_000);
                        OutputStream out = socket.getOutputStream();
                        InputStream in = new BufferedInputStream(socket.getInputStream());
                        while (System.nanoTime() < end) {
                            out.write(request);
                            out.flush();
                            sent++;
                            answers.computeIfAbsent(RawHttpAnswers.readStatus(in), s -> new AtomicLong()).incrementAndGet();
                        }
                    } catch (IOException e) {
                        failures.add("request " + sent + " of its connection: " + e);
                    }
                }, "refused-client-" + c);
                clients.add(t);
                t.start();
            }
            for (Thread t : clients) {
                t.join();
            }

            assertThat(failures).as("connections broken while being refused").isEmpty();
            assertThat(answers.keySet()).containsExactly(401);
            assertThat(answers.get(401).get()).as("refusals answered").isGreaterThan(1_000);
            assertThat(tw.get("/api/funnel").json().get("messages").asLong()).isZero();
        }
    }
}
