package io.tickwatch.alerts;

import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwatch.store.DataQuality;
import io.tickwatch.testing.Backend;
import io.tickwatch.testing.RunningTickwatch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The data-quality figures are exact for a crafted stream posted over HTTP to a Tickwatch with an app
 * secret: rejected items, duplicates absorbed, out-of-order arrivals and signature failures, over the
 * last hour and over all time.
 */
class DataQualityTest {

    private static final String SECRET = "data-quality-secret";

    @TempDir
    Path dir;
    LiveStore store;
    private long lastAnswer;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private static String sign(byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    /**
     * Posts one signed request. Each request starts in a later millisecond than the previous answer, so
     * arrival order is strict (observations received in the same millisecond count as arriving together).
     */
    private RunningTickwatch.Reply signed(String... items) throws Exception {
        while (System.currentTimeMillis() <= lastAnswer) {
            Thread.onSpinWait();
        }
        byte[] body = onPremises(items).getBytes(StandardCharsets.UTF_8);
        RunningTickwatch.Reply reply = store.tw.postWebhook(body, "X-Hub-Signature-256", sign(body));
        lastAnswer = System.currentTimeMillis();
        return reply;
    }

    private void accepted(String... items) throws Exception {
        RunningTickwatch.Reply reply = signed(items);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void eachFigureCountsExactlyWhatTheStreamHeld(Backend backend) throws Exception {
        store = LiveStore.open(backend, dir, Map.of("TICKWATCH_APP_SECRET", SECRET));
        String p = "919800000001";
        // A: in order; its read comes twice in one request (one duplicate)
        accepted(status("A", "sent", store.ago(600), p), status("A", "delivered", store.ago(595), p));
        accepted(status("A", "read", store.ago(540), p), status("A", "read", store.ago(540), p));
        // B: read first, then the delivered and the sent that happened before it (two out of order)
        accepted(status("B", "read", store.ago(500), p));
        accepted(status("B", "delivered", store.ago(510), p));
        accepted(status("B", "sent", store.ago(520), p));
        // a provider retry of B's delivered: a duplicate, still one out-of-order observation
        accepted(status("B", "delivered", store.ago(510), p));
        // C: same provider time for sent and delivered, delivered first: not ordered, so not out of order
        accepted(status("C", "delivered", store.ago(400), p));
        accepted(status("C", "sent", store.ago(400), p));
        // two items rejected by validation, one accepted beside them
        RunningTickwatch.Reply partial = signed(status("D", "sent", "0", p), status("E", "sent", "soon", p),
                status("F", "sent", store.ago(300), p));
        assertThat(partial.json().get("status").asText()).isEqualTo("partial_success");
        // three requests refused for their signature (two wrong, one missing); a broken body is no signature failure
        byte[] body = onPremises(status("G", "sent", store.ago(200), p)).getBytes(StandardCharsets.UTF_8);
        assertThat(store.tw.postWebhook(body, "X-Hub-Signature-256", "sha256=" + "0".repeat(64)).status()).isEqualTo(401);
        assertThat(store.tw.postWebhook(body, "X-Hub-Signature-256", sign("other".getBytes(StandardCharsets.UTF_8)))
                .status()).isEqualTo(401);
        assertThat(store.tw.postWebhook(body).status()).isEqualTo(401);
        byte[] broken = "{not json".getBytes(StandardCharsets.UTF_8);
        assertThat(store.tw.postWebhook(broken, "X-Hub-Signature-256", sign(broken)).status()).isEqualTo(400);
        // an old message, two days back, repeated twice and out of order: only in the all-time figures
        accepted(status("OLD", "delivered", store.ago(2 * 86_400), p));
        accepted(status("OLD", "sent", store.ago(2 * 86_400 + 10), p), status("OLD", "sent", store.ago(2 * 86_400 + 10), p));

        long hourAgo = (store.now - 3600) * 1000;
        // request counts reach the store with the writer's next flush
        await().atMost(Duration.ofSeconds(30)).until(() -> store.queries().dataQuality(hourAgo).signatureFailures() == 3);
        assertThat(store.queries().dataQuality(hourAgo)).isEqualTo(new DataQuality(2, 2, 2, 3));
        assertThat(store.queries().dataQuality(null)).isEqualTo(new DataQuality(2, 3, 3, 3));
        assertThat(store.queries().dataQuality((store.now + 3600) * 1000)).isEqualTo(new DataQuality(0, 0, 0, 0));
    }
}
