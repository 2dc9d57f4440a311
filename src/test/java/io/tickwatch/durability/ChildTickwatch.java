package io.tickwatch.durability;

import io.tickwatch.testing.ChildJvm;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Tickwatch started headless in its own JVM, exactly as a user starts it, on the given store. */
final class ChildTickwatch {

    private ChildTickwatch() {
    }

    static ChildJvm start(Path workDir, String jdbcUrl) {
        return ChildJvm.start(workDir, List.of("-Xmx256m"), "io.tickwatch.Launcher", Map.of(),
                "--headless", "--port", "0", "--db", jdbcUrl);
    }
}
