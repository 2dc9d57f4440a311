package io.tickwatch.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tickwatch started headless in its own JVM, exactly as a user starts it ({@code Launcher --headless
 * --port 0} plus the given arguments), for tests that need a real process: several instances on one
 * database, kill -9, SIGTERM.
 */
public final class ChildTickwatch implements AutoCloseable {

    private final ChildJvm jvm;

    private ChildTickwatch(ChildJvm jvm) {
        this.jvm = jvm;
    }

    /** Starts the application with these arguments after {@code --headless --port 0}; waits until it listens. */
    public static ChildTickwatch start(Path workDir, String... args) {
        List<String> all = new ArrayList<>(List.of("--headless", "--port", "0"));
        all.addAll(List.of(args));
        return new ChildTickwatch(ChildJvm.start(workDir,
                List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), "io.tickwatch.Launcher",
                Map.of(), all.toArray(String[]::new)));
    }

    public int port() {
        return jvm.port();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + jvm.port();
    }

    /** Everything it printed so far, one line per line. */
    public String output() {
        try {
            return String.join("\n", jvm.output());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    public List<String> outputLines() throws InterruptedException {
        return jvm.output();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    public void killHard() throws InterruptedException {
        jvm.killHard();
    }

    /** SIGTERM, the graceful path; returns the exit status. */
    public int terminate() throws InterruptedException {
        return jvm.terminate();
    }

    /** SIGTERM (graceful: answers what is in flight, drains the queue), then waits for the exit. */
    @Override
    public void close() {
        jvm.close();
    }
}
