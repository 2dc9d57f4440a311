package io.tickwatch.ui;

import io.tickwatch.testing.RunningTickwatch;
import io.tickwatch.testing.Webhooks;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Renders the dashboard with sample data to PNG files, headless (Monocle, software rendering; no X
 * server). It starts a real Tickwatch on a temporary H2 file, posts an hour of sample traffic over
 * HTTP, opens the real window and snapshots the overview, the messages screen and the request inspector.
 *
 * <pre>mvn -q test-compile exec:exec@screenshot                          # docs/dashboard.png, docs/messages.png
 * mvn -q test-compile exec:exec@screenshot -Dscreenshot.dir=target/shots</pre>
 *
 * Lives with the tests because Monocle is a test dependency.
 */
public final class Screenshot {

    private static final int WIDTH = 1440;
    private static final int HEIGHT = 900;

    private Screenshot() {
    }

    public static void main(String[] args) throws Exception {
        headless();
        Path out = Path.of(args.length > 0 ? args[0] : "docs");
        Files.createDirectories(out);
        Path dir = Files.createTempDirectory("tickwatch-screenshot");
        try (RunningTickwatch tw = RunningTickwatch.start(dir)) {
            int messages = postSampleTraffic(tw, 600, new Random(20231210));
            CompletableFuture<Void> started = new CompletableFuture<>();
            Platform.startup(() -> started.complete(null));
            started.get(10, TimeUnit.SECONDS);
            Stage[] stage = new Stage[1];
            DashboardWindow window = onFx(() -> {
                DashboardWindow.applyTheme();
                DashboardWindow w = new DashboardWindow(DashboardWindow.Parts.of(tw.app(), ZoneId.of("Europe/Berlin")));
                stage[0] = new Stage();
                stage[0].setScene(new Scene(w.root(), WIDTH, HEIGHT));
                stage[0].show();
                return w;
            });
            waitUntil(() -> onFx(() -> tw.app().overview().snapshot().data().funnel().messages() == messages), 30);
            String shown = io.tickwatch.ui.common.Format.count(messages);
            waitUntil(() -> onFx(() -> shown.equals(((javafx.scene.control.Label) stage[0].getScene()
                    .lookup("#kpiMessages")).getText())), 30);
            write(onFx(() -> stage[0].getScene().snapshot(null)), out.resolve("dashboard.png"));

            onFx(() -> {
                ((TabPane) stage[0].getScene().lookup("#tabs")).getSelectionModel().select(1);
                return null;
            });
            TableView<?> table = onFx(() -> (TableView<?>) stage[0].getScene().lookup("#messagesTable"));
            waitUntil(() -> onFx(() -> !table.getItems().isEmpty()), 30);
            onFx(() -> {
                table.getSelectionModel().select(3);
                return null;
            });
            waitUntil(() -> onFx(() -> stage[0].getScene().lookup("#detailPane").isVisible()
                    && !((javafx.scene.control.TextArea) stage[0].getScene().lookup("#rawBody")).getText().isEmpty()), 30);
            write(onFx(() -> stage[0].getScene().snapshot(null)), out.resolve("messages.png"));

            // the request inspector, privacy mode on: a request with a rejected item selected
            long ts = Instant.now().getEpochSecond();
            tw.postWebhook(Webhooks.onPremises(Webhooks.status("wamid.HBgMOTE5ODc2NTQzMjEwFQIAERgSINSPECT", "read",
                    Long.toString(ts), "919876543210"), Webhooks.status("wamid.HBgMBAD", "sent", "0", "919876543211")),
                    "Content-Type", "application/json", "User-Agent", "AiSensy-Webhooks/1.0");
            tw.postWebhook("{\"statuses\": [", "Content-Type", "application/json");
            onFx(() -> {
                window.display().privacyProperty().set(true);
                ((TabPane) stage[0].getScene().lookup("#tabs")).getSelectionModel().select(3);
                return null;
            });
            @SuppressWarnings("unchecked")
            TableView<io.tickwatch.receiver.RequestLog.Entry> requests = onFx(() ->
                    (TableView<io.tickwatch.receiver.RequestLog.Entry>) stage[0].getScene().lookup("#requestsTable"));
            waitUntil(() -> onFx(() -> requests.getItems().stream().anyMatch(e -> !e.rejected().isEmpty())
                    && requests.getItems().get(0).status() == 400), 30);
            onFx(() -> {
                requests.getSelectionModel().select(requests.getItems().stream().filter(e -> !e.rejected().isEmpty())
                        .findFirst().orElseThrow());
                return null;
            });
            waitUntil(() -> onFx(() -> stage[0].getScene().lookup("#requestDetail").isVisible()), 30);
            write(onFx(() -> stage[0].getScene().snapshot(null)), out.resolve("inspector.png"));
            onFx(() -> {
                stage[0].close();
                window.close();
                return null;
            });
        } finally {
            Platform.exit();
        }
        System.out.println("Wrote " + out.resolve("dashboard.png") + ", " + out.resolve("messages.png") + " and "
                + out.resolve("inspector.png"));
        System.exit(0);
    }

    private static void headless() {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.lcdtext", "false");
        System.setProperty("java.awt.headless", "true");
        System.setProperty("headless.geometry", WIDTH + "x" + HEIGHT + "-32");
    }

    /**
     * An hour of traffic: each message sent, most delivered within seconds, many read within minutes,
     * a few failed; 100 statuses per Cloud API request, with a burst in the last minutes.
     */
    static int postSampleTraffic(RunningTickwatch tw, int messages, Random random) {
        long now = Instant.now().getEpochSecond();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            String id = String.format("wamid.HBgMOTE5ODc2NTQzMjEwFQIAERgS%05d", i);
            String phone = "9198" + (76_543_200 + random.nextInt(40));
            double u = random.nextDouble();
            long sent = now - (long) (3_540 * Math.pow(u, 0.8)) - 20;
            items.add(Webhooks.status(id, "sent", Long.toString(sent), phone));
            if (random.nextDouble() < 0.05) {
                items.add(Webhooks.status(id, "failed", Long.toString(sent + 2), phone,
                        "\"errors\":[{\"code\":131026,\"title\":\"Message undeliverable\"}]"));
                continue;
            }
            if (random.nextDouble() < 0.93) {
                long delivered = sent + (long) Math.exp(random.nextGaussian() * 1.1 + 1.2);
                items.add(Webhooks.status(id, "delivered", Long.toString(delivered), phone));
                if (random.nextDouble() < 0.68) {
                    long read = delivered + (long) Math.exp(random.nextGaussian() * 1.6 + 4.2);
                    if (read < now) {
                        items.add(Webhooks.status(id, "read", Long.toString(read), phone));
                    }
                }
            }
        }
        for (int from = 0; from < items.size(); from += 100) {
            List<String> chunk = items.subList(from, Math.min(items.size(), from + 100));
            int status = tw.postWebhook(Webhooks.cloudApi(chunk.toArray(String[]::new))).status();
            if (status != 200) {
                throw new IllegalStateException("sample webhook answered " + status);
            }
        }
        return messages;
    }

    private static <T> T onFx(Supplier<T> work) {
        return FxCalls.onFx(work, 10);
    }

    private static void waitUntil(Supplier<Boolean> condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the dashboard did not show the sample data in " + seconds + " s");
            }
            pause(100);
        }
    }

    /** Polling interval of this command-line tool (tests use Awaitility instead). */
    private static void pause(long millis) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(millis);
    }

    private static void write(WritableImage image, Path file) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage buffered = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                buffered.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            ImageIO.write(buffered, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
