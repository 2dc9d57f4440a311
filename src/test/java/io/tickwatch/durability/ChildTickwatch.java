package io.tickwatch.durability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tickwatch as a separate operating-system process, started from this test's classpath exactly as a
 * user starts it headless, so that it can be killed with SIGKILL. The port is the one it logs.
 */
final class ChildTickwatch implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Listening on http://127\\.0\\.0\\.1:(\\d+)/webhook");

    private final Process process;
    private final int port;
    private final List<String> output;
    private final Thread pump;

    private ChildTickwatch(Process process, int port, List<String> output, Thread pump) {
        this.process = process;
        this.port = port;
        this.output = output;
        this.pump = pump;
    }

    static ChildTickwatch start(String jdbcUrl) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                "io.tickwatch.Launcher", "--headless", "--port", "0", "--db", jdbcUrl);
        pb.redirectErrorStream(true);
        Process process = pb.start();
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> port = new CompletableFuture<>();
        List<String> lines = new ArrayList<>();
        Thread pump = new Thread(() -> {
            try {
                String line;
                while ((line = reader.readLine()) != null) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        port.complete(Integer.parseInt(m.group(1)));
                    }
                }
                port.completeExceptionally(new IllegalStateException("child exited before listening: " + lines));
            } catch (IOException e) {
                port.completeExceptionally(e);
            }
        }, "child-output");
        pump.setDaemon(true);
        pump.start();
        try {
            return new ChildTickwatch(process, port.get(60, TimeUnit.SECONDS), lines, pump);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("Tickwatch did not start; its output: " + lines, e);
        }
    }

    /** Everything the process printed; complete once it has exited. */
    List<String> output() throws InterruptedException {
        if (!process.isAlive()) {
            pump.join(TimeUnit.SECONDS.toMillis(10)); // the last lines may still be in the pipe
        }
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    int port() {
        return port;
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("child did not die");
        }
    }

    /** SIGTERM: the graceful path. */
    int terminate() throws InterruptedException {
        // Through the handle: Process.destroy() would also close our end of the child's stdout, and
        // the lines it logs while shutting down would be lost.
        process.toHandle().destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("child did not stop on SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
