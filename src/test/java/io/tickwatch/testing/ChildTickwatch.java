package io.tickwatch.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tickwatch as a separate operating-system process: {@code java -cp <test classpath> io.tickwatch.Launcher
 * --headless --port 0 …}, exactly as an operator starts a second instance. The port is read from the
 * "Listening on …" line it logs.
 */
public final class ChildTickwatch implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Listening on http://127\\.0\\.0\\.1:(\\d+)/webhook");

    private final Process process;
    private final int port;
    private final Deque<String> lastLines;

    private ChildTickwatch(Process process, int port, Deque<String> lastLines) {
        this.process = process;
        this.port = port;
        this.lastLines = lastLines;
    }

    /** Starts the application with these arguments after {@code --headless --port 0}; waits until it listens. */
    public static ChildTickwatch start(Path workDir, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", classpath(), "io.tickwatch.Launcher", "--headless", "--port", "0"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("TICKWATCH_"));
        pb.environment().put("HOME", workDir.toString()); // no stray ~/.tickwatch settings
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Deque<String> lastLines = new ArrayDeque<>();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread reader = new Thread(() -> pump(process, lastLines, port), "child-tickwatch-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new ChildTickwatch(process, port.get(90, TimeUnit.SECONDS), lastLines);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("child Tickwatch did not start; last output:\n" + snapshot(lastLines), e);
        }
    }

    private static void pump(Process process, Deque<String> lastLines, CompletableFuture<Integer> port) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (lastLines) {
                    lastLines.addLast(line);
                    if (lastLines.size() > 200) {
                        lastLines.removeFirst();
                    }
                }
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    port.complete(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException e) {
            // the process went away; the exit shows in the last lines
        }
        port.completeExceptionally(new IllegalStateException("exited with " + process.exitValue()));
    }

    /** Surefire hands the forked JVM a manifest-only jar; its real class path is in this property. */
    private static String classpath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static String snapshot(Deque<String> lines) {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public String output() {
        return snapshot(lastLines);
    }

    /** SIGTERM (graceful: answers what is in flight, drains the queue), then waits for the exit. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
