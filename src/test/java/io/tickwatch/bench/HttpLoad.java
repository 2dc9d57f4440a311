package io.tickwatch.bench;

import io.tickwatch.testing.RawHttpAnswers;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A lean HTTP/1.1 load generator: keep-alive connections on plain sockets, one thread each, bodies
 * prepared in advance, so that on a 2-core machine the client costs as little as possible. Closed loop
 * (as fast as answers come) or paced at a fixed total rate; paced latency is measured from each
 * request's intended start, so a stalled server cannot hide its queueing (no coordinated omission).
 */
final class HttpLoad {

    /** What one run measured. Acknowledged bodies are those answered 200. */
    record Result(long requests, long statuses, long refused, double seconds, long[] latencyNanos,
                  List<EventStream.Body> acknowledged) {

        double statusesPerSecond() {
            return statuses / seconds;
        }

        double latencyMillis(double quantile) {
            if (latencyNanos.length == 0) {
                return Double.NaN;
            }
            int i = (int) Math.min(latencyNanos.length - 1, Math.ceil(quantile * latencyNanos.length) - 1);
            return latencyNanos[Math.max(0, i)] / 1e6;
        }

        double maxLatencyMillis() {
            return latencyNanos.length == 0 ? Double.NaN : latencyNanos[latencyNanos.length - 1] / 1e6;
        }
    }

    private HttpLoad() {
    }

    /**
     * @param ratePerSecond requests per second in total, or 0 for a closed loop
     * @param seconds       how long to send; bodies run out earlier if there are too few
     */
    static Result run(int port, int connections, List<EventStream.Body> bodies, double ratePerSecond,
                      double seconds) throws InterruptedException {
        return run(port, connections, bodies, ratePerSecond, seconds, false);
    }

    /**
     * As {@link #run(int, int, List, double, double)}, but sending the bodies again from the first when they
     * run out, and keeping no list of acknowledged bodies: for a receiver that stores nothing.
     */
    static Result runRepeating(int port, int connections, List<EventStream.Body> bodies, double seconds)
            throws InterruptedException {
        return run(port, connections, bodies, 0, seconds, true);
    }

    private static Result run(int port, int connections, List<EventStream.Body> bodies, double ratePerSecond,
                              double seconds, boolean repeat) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicLong statuses = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<EventStream.Body> acknowledged = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int count = 0;
                long interval = ratePerSecond > 0 ? (long) (1e9 * connections / ratePerSecond) : 0;
                long intended = start + (interval > 0 ? interval * client / connections : 0);
                try (Socket socket = new Socket("127.0.0.1", port)) {
                    socket.setTcpNoDelay(true);
                    OutputStream out = socket.getOutputStream();
                    InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
                    while (true) {
                        long now = System.nanoTime();
                        if (interval > 0) {
                            if (intended > now) {
                                LockSupport.parkNanos(intended - now);
                            }
                        } else {
                            intended = now;
                        }
                        if (intended >= end) {
                            break;
                        }
                        int index = next.getAndIncrement();
                        if (index >= bodies.size() && !repeat) {
                            break;
                        }
                        EventStream.Body body = bodies.get(index % bodies.size());
                        out.write(("POST /webhook HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\n"
                                + "Content-Length: " + body.bytes().length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(body.bytes());
                        out.flush();
                        int status = RawHttpAnswers.readStatus(in);
                        long latency = System.nanoTime() - intended;
                        if (count == mine.length) {
                            mine = Arrays.copyOf(mine, mine.length * 2);
                        }
                        mine[count++] = latency;
                        if (status == 200) {
                            statuses.addAndGet(body.statuses().size());
                            if (!repeat) {
                                acknowledged.add(body);
                            }
                        } else {
                            refused.incrementAndGet();
                        }
                        intended += interval;
                    }
                } catch (IOException e) {
                    throw new IllegalStateException("load connection failed", e);
                } finally {
                    latencies.add(Arrays.copyOf(mine, count));
                }
            }, "load-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(all.length, statuses.get(), refused.get(), elapsed, all, List.copyOf(acknowledged));
    }
}
