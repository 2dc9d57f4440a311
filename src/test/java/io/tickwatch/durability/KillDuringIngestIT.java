package io.tickwatch.durability;

import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN.md §4 "crash safety": kill -9 of the application while webhooks stream in loses no status
 * that was acknowledged with 200. The application runs as a child JVM (java -cp … Launcher --headless)
 * on one H2 file across several rounds of start, load and SIGKILL; afterwards every acknowledged
 * status is in the file.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class KillDuringIngestIT {

    static final int ROUNDS = 3;
    static final int SENDERS = 4;
    static final int STATUSES_PER_REQUEST = 10;
    static final Pattern LISTENING = Pattern.compile("Listening on http://127\\.0\\.0\\.1:(\\d+)/webhook");

    @TempDir
    Path dir;

    @Test
    void noAcknowledgedStatusIsLostToKillMinus9() throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        for (int round = 0; round < ROUNDS; round++) {
            Path log = dir.resolve("round-" + round + ".log");
            Process app = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "io.tickwatch.Launcher",
                    "--headless", "--port", "0", "--db", db)
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                int port = awaitPort(log, app);
                int before = acknowledged.size();
                AtomicBoolean stop = new AtomicBoolean();
                ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
                for (int t = 0; t < SENDERS; t++) {
                    String prefix = "r" + round + ".t" + t + ".";
                    senders.submit(() -> send(port, prefix, acknowledged, stop));
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() - before >= 3000);
                app.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no graceful close
                assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
                stop.set(true);
                senders.shutdown();
                assertThat(senders.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                app.destroyForcibly();
            }
        }

        List<String> missing = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db);
             PreparedStatement ps = c.prepareStatement("SELECT sent_at FROM messages WHERE id = ?")) {
            for (String id : acknowledged) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next() || rs.getLong(1) != 1_702_207_800_000L) {
                        missing.add(id);
                    }
                }
            }
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ROUNDS * 3000);
        assertThat(missing).as("acknowledged statuses lost to kill -9").isEmpty();
    }

    static int awaitPort(Path log, Process app) {
        int[] port = new int[1];
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            assertThat(app.isAlive()).as("the application started; its log:%n%s", Files.readString(log)).isTrue();
            Matcher m = LISTENING.matcher(Files.readString(log));
            if (m.find()) {
                port[0] = Integer.parseInt(m.group(1));
                return true;
            }
            return false;
        });
        return port[0];
    }

    /** Posts requests of 10 statuses until the application dies; remembers the ids of every 200. */
    static void send(int port, String prefix, Set<String> acknowledged, AtomicBoolean stop) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI uri = URI.create("http://127.0.0.1:" + port + "/webhook");
        for (int i = 0; !stop.get(); i++) {
            List<String> ids = new ArrayList<>();
            String[] items = new String[STATUSES_PER_REQUEST];
            for (int k = 0; k < STATUSES_PER_REQUEST; k++) {
                String id = prefix + i + "." + k;
                ids.add(id);
                items[k] = status(id, "sent", "1702207800", "919876543210");
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                        .POST(HttpRequest.BodyPublishers.ofString(onPremises(items), StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    acknowledged.addAll(ids);
                }
            } catch (IOException e) {
                return; // the application is gone
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
