package io.tickwatch.http;

import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwatch.config.Setting;
import io.tickwatch.config.Settings;
import io.tickwatch.config.SettingsLoader;
import io.tickwatch.testing.ConfiguredTickwatch;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Receiver settings saved at run time ({@code App.reconfigureReceiver}, the settings dialog's path): the
 * receiver changes path, credentials or port without a restart, and a webhook answered 200 while it
 * changes is in the store, every one.
 */
class ReceiverChangesOverHttpTest {

    @TempDir
    Path home;
    private ConfiguredTickwatch tw;

    @AfterEach
    void stop() {
        if (tw != null) {
            tw.close();
        }
    }

    private Settings withFile(Object... pairs) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        values.putAll(tw.fileValues());
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((Setting) pairs[i], (String) pairs[i + 1]);
        }
        SettingsLoader.Check check = SettingsLoader.check(false, tw.app().settings().origin(), values);
        assertThat(check.problems()).isEmpty();
        return check.settings();
    }

    private static String body(String id) {
        return onPremises(status(id, "sent", Long.toString(Instant.now().getEpochSecond()), "919800000001"));
    }

    @Test
    void onTheSameAddressPathAndSecretsChangeWithoutClosingTheListener() throws Exception {
        tw = ConfiguredTickwatch.start(home, Map.of());
        int port = tw.app().port();
        Poster poster = new Poster("/webhook").start();
        String url = tw.app().reconfigureReceiver(withFile(Setting.WEBHOOK_PATH, "/hooks/wa", Setting.WEBHOOK_TOKEN, "tok-1"));
        poster.stop();

        assertThat(url).isEqualTo("http://127.0.0.1:" + port + "/hooks/wa");
        assertThat(tw.app().port()).isEqualTo(port);
        assertThat(tw.post("/webhook", body("wamid.OLDPATH")).status()).isEqualTo(404);
        assertThat(tw.post("/hooks/wa", body("wamid.NOTOKEN")).status()).isEqualTo(401);
        assertThat(tw.post("/hooks/wa", body("wamid.TOKEN"), "X-Tickwatch-Token", "tok-1").status()).isEqualTo(200);
        assertThat(tw.storedMessages("wamid.TOKEN")).isEqualTo(1);
        poster.assertEveryAcceptedIsStored();
        assertThat(poster.refusedConnections).as("the listener never closed").isZero();
    }

    @Test
    void runningDemoTrafficFollowsTheReceiverToItsNewPortAndSecret() throws Exception {
        tw = ConfiguredTickwatch.start(home, Map.of());
        tw.app().demo().start();
        int newPort = freePort();
        tw.app().reconfigureReceiver(withFile(Setting.PORT, Integer.toString(newPort), Setting.APP_SECRET, "s3cret"));
        assertThat(tw.app().demo().target().url().getPort()).isEqualTo(newPort);
        long before = tw.app().demo().stats().acknowledged();
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> tw.app().demo().stats().acknowledged() >= before + 5);
        tw.app().demo().stop();
        assertThat(tw.app().demo().stats().refused()).as("signed with the new secret, sent to the new port").isZero();
    }

    @Test
    void aNewPortOpensBeforeTheOldOneClosesAndNothingAcceptedIsLost() throws Exception {
        tw = ConfiguredTickwatch.start(home, Map.of());
        int oldPort = tw.app().port();
        int newPort = freePort();
        Poster poster = new Poster("/webhook").start();
        String url = tw.app().reconfigureReceiver(withFile(Setting.PORT, Integer.toString(newPort)));
        poster.stop();

        assertThat(url).isEqualTo("http://127.0.0.1:" + newPort + "/webhook");
        assertThat(tw.post("/webhook", body("wamid.NEWPORT")).status()).isEqualTo(200);
        assertThatThrownBy(() -> tw.get(oldPort, "/health")).isInstanceOf(UncheckedIOException.class);
        poster.assertEveryAcceptedIsStored();
    }

    @Test
    void aPortThatIsTakenLeavesTheReceiverWhereItWasAndSaysWhy() throws Exception {
        tw = ConfiguredTickwatch.start(home, Map.of());
        int port = tw.app().port();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> tw.app().reconfigureReceiver(withFile(Setting.PORT,
                    Integer.toString(taken.getLocalPort()), Setting.WEBHOOK_PATH, "/elsewhere")))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ");
        }
        assertThat(tw.app().port()).isEqualTo(port);
        assertThat(tw.app().webhookUrl()).isEqualTo("http://127.0.0.1:" + port + "/webhook");
        assertThat(tw.post("/webhook", body("wamid.STAYED")).status()).isEqualTo(200);
    }

    @Test
    void nothingChangedMeansNothingIsTouched() {
        tw = ConfiguredTickwatch.start(home, Map.of());
        int port = tw.app().port();
        assertThat(tw.app().reconfigureReceiver(withFile())).isEqualTo("http://127.0.0.1:" + port + "/webhook");
        assertThat(tw.post("/webhook", body("wamid.SAME")).status()).isEqualTo(200);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * Posts one message after another to wherever the receiver listens, until stopped, and remembers the ids
     * answered 200. A refused connection (the old port just closed) or a 503 is what a provider retries; a
     * 404 is the old path answered after the switch. None of those may have stored anything.
     */
    private final class Poster {
        private final String path;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        private final List<String> notAccepted = Collections.synchronizedList(new ArrayList<>());
        private final List<Integer> unexpected = Collections.synchronizedList(new ArrayList<>());
        private final CountDownLatch firstAccepted = new CountDownLatch(1);
        private volatile int refusedConnections;
        private Thread thread;

        Poster(String path) {
            this.path = path;
        }

        Poster start() throws InterruptedException {
            thread = new Thread(() -> {
                int n = 0;
                while (running.get()) {
                    String id = "wamid.P" + n++;
                    try {
                        int status = tw.post(path, body(id)).status();
                        (status == 200 ? accepted : notAccepted).add(id);
                        if (status == 200) {
                            firstAccepted.countDown();
                        } else if (status != 404 && status != 503) {
                            unexpected.add(status);
                        }
                    } catch (UncheckedIOException refused) {
                        refusedConnections++;
                        notAccepted.add(id);
                    }
                }
            }, "test-poster");
            thread.start();
            assertThat(firstAccepted.await(30, TimeUnit.SECONDS)).as("a first request answered before the change").isTrue();
            return this;
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }

        void assertEveryAcceptedIsStored() {
            assertThat(unexpected).as("answers other than 200, 404 (old path) and 503 (old listener closing)").isEmpty();
            assertThat(accepted).isNotEmpty();
            for (String id : accepted) {
                assertThat(tw.storedMessages(id)).as(id + " was answered 200").isEqualTo(1);
            }
            for (String id : notAccepted) {
                assertThat(tw.storedMessages(id)).as(id + " was not answered 200").isZero();
            }
        }
    }
}
