package io.tickwatch.http;

import static io.tickwatch.testing.Refusals.assertRefusedLeavingStoreUnchanged;
import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.testing.RunningTickwatch;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DESIGN.md §3 and FORMATS.md §1: a body that is not JSON at all gets 415; JSON that does not parse, is
 * not an object, repeats a key, carries trailing garbage or is no known webhook gets 400 naming the
 * problem; the Content-Type never decides. Every refusal is JSON and leaves the store unchanged.
 */
class MalformedBodyOverHttpTest {

    @RegisterExtension
    static final RunningTickwatch tw = RunningTickwatch.perClass();

    RunningTickwatch.Reply refused(String body, int status, String code) {
        return assertRefusedLeavingStoreUnchanged(tw, () -> tw.postWebhook(body, "Content-Type", "application/json"),
                status, code);
    }

    @Test
    void anEmptyBodyIs400() {
        refused("", 400, "empty_body");
        refused("  \r\n\t ", 400, "empty_body");
    }

    @Test
    void brokenJsonIs400AndSaysWhere() {
        RunningTickwatch.Reply reply = refused("{\"statuses\":[", 400, "invalid_json");
        assertThat(reply.json().get("message").asText()).contains("not valid JSON", "line 1");
        refused("{\"statuses\":[{\"id\":\"a\",}]}", 400, "invalid_json");
        refused("[1,2", 400, "invalid_json");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "[]|an array",
            "[{\"statuses\":[]}]|an array",
            "\"statuses\"|a string",
            "42|a number",
            "true|a boolean",
            "null|null"})
    void jsonThatIsNotAnObjectIs400(String body, String kind) {
        RunningTickwatch.Reply reply = refused(body, 400, "not_an_object");
        assertThat(reply.json().get("message").asText()).contains(kind);
    }

    @Test
    void duplicateKeysAre400() {
        refused("{\"statuses\":[],\"statuses\":[" + status("dup.key", "sent", "1702207800", null) + "]}", 400, "invalid_json");
        refused(onPremises("{\"id\":\"dup.inner\",\"id\":\"other\",\"status\":\"sent\",\"timestamp\":\"1702207800\"}"),
                400, "invalid_json");
    }

    @Test
    void trailingGarbageIs400() {
        String valid = onPremises(status("trailing", "sent", "1702207800", null));
        refused(valid + " garbage", 400, "invalid_json");
        refused(valid + "{}", 400, "invalid_json");
        refused(valid + valid, 400, "invalid_json");
    }

    @Test
    void anObjectThatIsNoKnownWebhookIs400() {
        RunningTickwatch.Reply reply = refused("{\"hello\":\"world\"}", 400, "unrecognised_webhook");
        assertThat(reply.json().get("message").asText()).contains("unrecognised webhook");
        refused("{\"object\":\"page\",\"entry\":[]}", 400, "unrecognised_webhook");
        refused("{\"object\":\"whatsapp_business_account\",\"entry\":{}}", 400, "unrecognised_webhook");
    }

    @Test
    void statusesThatAreNotAnArrayAre400() {
        RunningTickwatch.Reply reply = refused("{\"statuses\":{\"id\":\"a\"}}", 400, "unrecognised_webhook");
        assertThat(reply.json().get("message").asText()).contains("'statuses' must be an array");
        refused("{\"statuses\":null}", 400, "unrecognised_webhook");
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        assertRefusedLeavingStoreUnchanged(tw, () -> tw.postWebhook("hello, this is plain text", "Content-Type", "text/plain"),
                415, "unsupported_body");
        assertRefusedLeavingStoreUnchanged(tw, () -> tw.postWebhook("MessageSid=SM1&MessageStatus=delivered",
                "Content-Type", "application/x-www-form-urlencoded"), 415, "unsupported_body");
        assertRefusedLeavingStoreUnchanged(tw, () -> tw.postWebhook(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2},
                "Content-Type", "image/png"), 415, "unsupported_body");
    }

    @Test
    void aJsonObjectIsReadWhateverTheContentTypeSays() {
        for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", "application/octet-stream"}) {
            String id = "ctype." + type;
            RunningTickwatch.Reply reply = tw.postWebhook(onPremises(status(id, "sent", "1702207800", null)), "Content-Type", type);
            assertThat(reply.status()).as(type).isEqualTo(200);
            assertThat(tw.message(id).status()).isEqualTo(200);
        }
    }

    @Test
    void aByteOrderMarkAndNonAsciiTextAreFine() {
        byte[] json = onPremises(status("bom.ü", "sent", "1702207800", null)).getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[json.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(json, 0, withBom, 3, json.length);
        assertThat(tw.postWebhook(withBom).status()).isEqualTo(200);
        assertThat(tw.message("bom.ü").status()).isEqualTo(200);
    }
}
