package io.tickwatch.durability;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.testing.ChildTickwatch;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM during load (DESIGN.md §2): the process stops accepting, answers what is in flight after its
 * commit, drains the queue, closes the store and exits; everything acknowledged is stored.
 */
class GracefulShutdownIT {

    @TempDir
    Path dir;

    @Test
    void sigtermDrainsTheQueueAndClosesTheStore() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
        Set<StatusLoad.Acked> acked;
        ChildTickwatch child = ChildTickwatch.start(dir, "--db", url);
        try {
            StatusLoad load = new StatusLoad(child.port(), "wamid.term", 8).start();
            load.awaitAckedRequests(200);
            int exit = child.terminate();
            acked = load.stop();
            // 143 = 128 + SIGTERM: the JVM's exit status after its shutdown hooks ran.
            assertThat(exit).isEqualTo(143);
        } finally {
            child.close();
        }
        assertThat(child.outputLines()).anyMatch(line -> line.contains("Stopped; store closed"))
                // e.g. H2's own shutdown hook closing the database under the writer's last commits
                .noneMatch(line -> line.contains(" ERROR "));
        assertThat(acked).hasSizeGreaterThan(500);
        assertThat(StoredStatuses.missing(url, acked)).isEmpty();
    }
}
