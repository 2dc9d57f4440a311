package io.tickwatch.http;

import static io.tickwatch.testing.Webhooks.cloudApiEntries;
import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickwatch.testing.RunningTickwatch;
import io.tickwatch.testing.RunningTickwatch.StoreCounts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * FORMATS.md §3.10 and §1b: a bad item is skipped and reported, the others are stored; every entry,
 * change and status of a Cloud API notification is processed; inbound messages and other fields store nothing.
 */
class PartialBatchOverHttpTest {

    @RegisterExtension
    static final RunningTickwatch tw = RunningTickwatch.perClass();

    static String ok(String id) {
        return status(id, "delivered", "1702207805", "919876543210");
    }

    @Test
    void aBadItemNeverDropsTheBatch() {
        StoreCounts before = tw.counts();
        RunningTickwatch.Reply reply = tw.postWebhook(onPremises(ok("batch.1"),
                "{\"status\":\"sent\",\"timestamp\":\"1702207800\"}", ok("batch.3"), "\"not an object\"",
                status("batch.5", "sent", "yesterday", null), ok("batch.6")));
        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.get("status").asText()).isEqualTo("partial_success");
        assertThat(body.get("processed").asInt()).isEqualTo(3);
        assertThat(body.get("rejected")).extracting(r -> r.get("index").asInt()).containsExactly(1, 3, 4);
        assertThat(body.get("rejected")).allSatisfy(r -> assertThat(r.get("reason").asText()).isNotBlank());
        for (String id : new String[] {"batch.1", "batch.3", "batch.6"}) {
            assertThat(tw.message(id).status()).isEqualTo(200);
        }
        assertThat(tw.message("batch.5").status()).isEqualTo(404);
        StoreCounts after = tw.counts();
        assertThat(after.messages() - before.messages()).isEqualTo(3);
        assertThat(after.events() - before.events()).isEqualTo(3);
        assertThat(after.requests() - before.requests()).as("the request is kept with its raw body").isEqualTo(1);
        assertThat(after.rejected() - before.rejected()).isEqualTo(3);
    }

    /** JSON numbers beyond a double's range (1e400) parse as infinity; such items are rejected, the request answered. */
    @Test
    void numbersBeyondAnyRangeAreRejectedAndTheRequestIsAnswered() {
        RunningTickwatch.Reply reply = tw.postWebhook("{\"statuses\":["
                + "{\"id\":1e400,\"status\":\"sent\",\"timestamp\":1702207800},"
                + "{\"id\":\"huge.ts\",\"status\":\"sent\",\"timestamp\":1e400},"
                + "{\"id\":\"huge.neg\",\"status\":\"sent\",\"timestamp\":-1e400},"
                + "{\"id\":\"huge.code\",\"status\":\"failed\",\"timestamp\":1702207800,\"errors\":[{\"code\":1e400}]},"
                + ok("huge.fine") + "]}");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("processed").asInt()).isEqualTo(2);
        assertThat(reply.json().get("rejected")).extracting(r -> r.get("index").asInt()).containsExactly(0, 1, 2);
        assertThat(tw.message("huge.fine").status()).isEqualTo(200);
        assertThat(tw.message("huge.code").json().get("errorCode").isNull()).isTrue();
    }

    @Test
    void aRequestWhoseItemsAreAllBadIsStillAnsweredAndKept() {
        StoreCounts before = tw.counts();
        RunningTickwatch.Reply reply = tw.postWebhook(onPremises("1", "{}"));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("processed").asInt()).isZero();
        assertThat(reply.json().get("rejected")).hasSize(2);
        assertThat(tw.counts().rejected() - before.rejected()).isEqualTo(2);
        assertThat(tw.counts().messages()).isEqualTo(before.messages());
    }

    @Test
    void everyEntryEveryChangeAndEveryStatusOfACloudApiNotificationIsStored() {
        List<List<List<String>>> entries = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int e = 0; e < 3; e++) {
            List<List<String>> changes = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                List<String> statuses = new ArrayList<>();
                for (int s = 0; s < 4; s++) {
                    String id = "cloud." + e + "." + c + "." + s;
                    ids.add(id);
                    statuses.add(ok(id));
                }
                changes.add(statuses);
            }
            entries.add(changes);
        }
        RunningTickwatch.Reply reply = tw.postWebhook(cloudApiEntries(entries));
        assertThat(reply.json().get("status").asText()).isEqualTo("success");
        assertThat(reply.json().get("processed").asInt()).isEqualTo(36);
        for (String id : ids) {
            assertThat(tw.message(id).status()).as(id).isEqualTo(200);
        }
    }

    @Test
    void aThousandStatusesInOneNotificationAreAllStored() {
        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            statuses.add(ok("thousand." + i));
        }
        RunningTickwatch.Reply reply = tw.postWebhook(cloudApiEntries(List.of(List.of(statuses))));
        assertThat(reply.json().get("processed").asInt()).isEqualTo(1000);
        assertThat(tw.queryLong("SELECT COUNT(*) FROM messages WHERE id LIKE 'thousand.%'")).isEqualTo(1000);
    }

    @Test
    void aMalformedEntryOrChangeIsRefusedAloneAndTheRestIsStored() {
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[\"junk\","
                + "{\"id\":\"1\",\"changes\":[{\"field\":\"messages\",\"value\":7},"
                + "{\"field\":\"messages\",\"value\":{\"statuses\":[" + ok("struct.1") + "," + ok("struct.2") + "]}}]},"
                + "{\"id\":\"2\",\"changes\":\"junk\"},"
                + "{\"id\":\"3\",\"changes\":[{\"field\":\"messages\",\"value\":{\"statuses\":[" + ok("struct.3") + "]}}]}]}";
        RunningTickwatch.Reply reply = tw.postWebhook(body);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("status").asText()).isEqualTo("partial_success");
        assertThat(reply.json().get("processed").asInt()).isEqualTo(3);
        assertThat(reply.json().get("rejected")).extracting(r -> r.get("path").asText())
                .containsExactly("entry[0]", "entry[1].changes[0].value", "entry[2].changes");
        for (String id : new String[] {"struct.1", "struct.2", "struct.3"}) {
            assertThat(tw.message(id).status()).isEqualTo(200);
        }
    }

    @Test
    void inboundMessagesAndOtherFieldsAreAnsweredAndStoreNothing() {
        StoreCounts before = tw.counts();
        String inbound = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\","
                + "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550001111\","
                + "\"phone_number_id\":\"1055\"},\"contacts\":[{\"wa_id\":\"919876543210\"}],\"messages\":[{\"from\":\"919876543210\","
                + "\"id\":\"wamid.INBOUND\",\"timestamp\":\"1702207800\",\"type\":\"text\",\"text\":{\"body\":\"hello\"}}]}}]}]}";
        String template = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":"
                + "\"message_template_status_update\",\"value\":{\"event\":\"APPROVED\",\"message_template_id\":1}}]}]}";
        for (String body : new String[] {inbound, template}) {
            RunningTickwatch.Reply reply = tw.postWebhook(body);
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.json().get("status").asText()).isEqualTo("success");
            assertThat(reply.json().get("processed").asInt()).isZero();
            assertThat(reply.json().get("rejected")).isEmpty();
        }
        assertThat(tw.message("wamid.INBOUND").status()).isEqualTo(404);
        StoreCounts after = tw.counts();
        assertThat(after.messages()).isEqualTo(before.messages());
        assertThat(after.events()).isEqualTo(before.events());
        assertThat(after.rejected()).isEqualTo(before.rejected());
    }

    @Test
    void unknownFieldsAreIgnoredNeverFatal() {
        String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"time\":1702207800,\"changes\":[{"
                + "\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"new_top_level\":{\"x\":[1]},\"statuses\":[{"
                + "\"id\":\"unknown.fields\",\"status\":\"sent\",\"timestamp\":\"1702207800\",\"recipient_id\":\"919876543210\","
                + "\"recipient_type\":\"individual\",\"conversation\":{\"id\":\"c1\",\"origin\":{\"type\":\"marketing\"},"
                + "\"expiration_timestamp\":\"1702294200\"},\"pricing\":{\"billable\":true,\"pricing_model\":\"PMP\","
                + "\"category\":\"marketing\",\"type\":\"regular\"},\"biz_opaque_callback_data\":\"x\",\"future\":null}]}}]}]}";
        RunningTickwatch.Reply reply = tw.postWebhook(body);
        assertThat(reply.json().get("status").asText()).isEqualTo("success");
        assertThat(tw.message("unknown.fields").json().get("currentStatus").asText()).isEqualTo("sent");
    }
}
