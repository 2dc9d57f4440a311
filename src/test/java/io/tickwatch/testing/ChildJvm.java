package io.tickwatch.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server of ours in its own JVM, started from this test's class path, found on the port it logs
 * ("Listening on http://127.0.0.1:PORT/…"). Used where a real process boundary matters: kill -9,
 * several instances on one database, and benchmarks that must not share a heap with the load.
 */
public final class ChildJvm implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("Listening on http://127\\.0\\.0\\.1:(\\d+)/");

    private final Process process;
    private final int port;
    private final List<String> output;
    private final Thread pump;

    private ChildJvm(Process process, int port, List<String> output, Thread pump) {
        this.process = process;
        this.port = port;
        this.output = output;
        this.pump = pump;
    }

    /**
     * @param jvmOptions e.g. -Xmx256m
     * @param env        extra environment; TICKWATCH_* of this process never leak into the child
     */
    public static ChildJvm start(Path workDir, List<String> jvmOptions, String mainClass, Map<String, String> env,
                                 String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classpath(), mainClass));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("TICKWATCH_"));
        pb.environment().put("HOME", workDir.toString()); // no stray ~/.tickwatch settings
        pb.environment().putAll(env);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> lines = new ArrayList<>();
        CompletableFuture<Integer> port = new CompletableFuture<>();
        Thread pump = new Thread(() -> pump(process, lines, port), "child-jvm-output");
        pump.setDaemon(true);
        pump.start();
        try {
            return new ChildJvm(process, port.get(90, TimeUnit.SECONDS), lines, pump);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException(mainClass + " did not start; its output:\n" + String.join("\n", copy(lines)), e);
        }
    }

    private static void pump(Process process, List<String> lines, CompletableFuture<Integer> port) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                }
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    port.complete(Integer.parseInt(m.group(1)));
                }
            }
        } catch (IOException e) {
            // the process went away; its exit shows in the output
        }
        port.completeExceptionally(new IllegalStateException("the child exited before listening"));
    }

    /** Surefire hands the forked JVM a manifest-only jar; its real class path is in this property. */
    private static String classpath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static List<String> copy(List<String> lines) {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** Everything the process printed; complete once it has exited. */
    public List<String> output() throws InterruptedException {
        if (!process.isAlive()) {
            pump.join(TimeUnit.SECONDS.toMillis(10)); // the last lines may still be in the pipe
        }
        return copy(output);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    public void killHard() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("child did not die");
        }
    }

    /** SIGTERM, the graceful path; returns the exit status. */
    public int terminate() throws InterruptedException {
        // Through the handle: Process.destroy() would also close our end of the child's output, and the
        // lines it logs while shutting down would be lost.
        process.toHandle().destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("child did not stop on SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                terminate();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
