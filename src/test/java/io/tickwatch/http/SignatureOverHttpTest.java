package io.tickwatch.http;

import static io.tickwatch.testing.Refusals.assertRefusedLeavingStoreUnchanged;
import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.testing.RunningTickwatch;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * FORMATS.md §2: with an app secret configured, X-Hub-Signature-256 must be the HMAC-SHA256 of the raw
 * body bytes; otherwise 401 and nothing is stored.
 */
class SignatureOverHttpTest {

    static final String SECRET = "app-secret-for-tests";

    @RegisterExtension
    static final RunningTickwatch tw = RunningTickwatch.perClass(Map.of("TICKWATCH_APP_SECRET", SECRET));

    static String sign(byte[] body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    static byte[] body(String id) {
        return onPremises(status(id, "delivered", "1702207805", "919876543210")).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theCorrectSignatureOverTheRawBytesIsAccepted() throws Exception {
        byte[] body = body("signed.1");
        RunningTickwatch.Reply reply = tw.postWebhook(body, "X-Hub-Signature-256", sign(body, SECRET));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(tw.message("signed.1").status()).isEqualTo(200);
    }

    @Test
    void theBytesAsSentAreSignedNotARereadingOfThem() throws Exception {
        // Meta escapes non-ASCII as \\uXXXX: the signature covers those bytes, not a re-serialised form.
        byte[] escaped = ("{\"statuses\":[{\"id\":\"signed.\\u00fc\",\"status\":\"read\",   \"timestamp\":\"1702207860\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(tw.postWebhook(escaped, "X-Hub-Signature-256", sign(escaped, SECRET)).status()).isEqualTo(200);
        assertThat(tw.message("signed.ü").json().get("currentStatus").asText()).isEqualTo("read");

        byte[] raw = "{\"statuses\":[{\"id\":\"signed.ß\",\"status\":\"read\",\"timestamp\":\"1702207860\"}]}"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(tw.postWebhook(raw, "X-Hub-Signature-256", sign(raw, SECRET).toUpperCase().replace("SHA256=", "sha256="))
                .status()).as("hex digits in either case").isEqualTo(200);
    }

    @Test
    void aMissingSignatureIs401AndStoresNothing() {
        byte[] body = body("unsigned");
        assertRefusedLeavingStoreUnchanged(tw, () -> tw.postWebhook(body), 401, "bad_signature");
        assertThat(tw.message("unsigned").status()).isEqualTo(404);
    }

    @Test
    void aWrongSignatureIs401AndStoresNothing() throws Exception {
        byte[] body = body("wrongly.signed");
        String other = sign(body("something else"), SECRET);
        String wrongSecret = sign(body, "another-secret");
        byte[] reformatted = new String(body, StandardCharsets.UTF_8).replace(",", ", ").getBytes(StandardCharsets.UTF_8);
        for (String header : new String[] {other, wrongSecret, sign(reformatted, SECRET), "sha256=", "sha256=zz",
                "sha1=" + sign(body, SECRET).substring(7), sign(body, SECRET).substring(7), "garbage"}) {
            assertRefusedLeavingStoreUnchanged(tw, () -> tw.postWebhook(body, "X-Hub-Signature-256", header),
                    401, "bad_signature");
        }
        assertThat(tw.message("wrongly.signed").status()).isEqualTo(404);
    }

    @Test
    void theSignatureIsCheckedBeforeTheBodyIsRead() {
        assertRefusedLeavingStoreUnchanged(tw, () -> tw.postWebhook("not json at all"), 401, "bad_signature");
    }
}
