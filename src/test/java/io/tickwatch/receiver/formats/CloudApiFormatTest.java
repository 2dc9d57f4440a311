package io.tickwatch.receiver.formats;

import static io.tickwatch.testing.Webhooks.cloudApiEntries;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickwatch.ingest.RawStatus;
import io.tickwatch.ingest.Rejection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FORMATS.md §1b: every entry, change and status is read; other changes store nothing; bad parts are refused alone. */
class CloudApiFormatTest {

    static final ObjectMapper JSON = new ObjectMapper();
    final CloudApiFormat format = new CloudApiFormat();

    static ObjectNode body(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String s(String id) {
        return status(id, "sent", "1702207800", "919876543210");
    }

    @Test
    void everyEntryEveryChangeAndEveryStatusIsRead() throws Exception {
        String json = cloudApiEntries(List.of(
                List.of(List.of(s("a1"), s("a2"), s("a3")), List.of(s("b1"))),
                List.of(List.of(s("c1")), List.of(s("d1"), s("d2")))));
        ParsedWebhook parsed = format.parse(body(json));
        assertThat(parsed.format()).isEqualTo("cloud-api");
        assertThat(parsed.items()).extracting(r -> r.item().get("id").asText())
                .containsExactly("a1", "a2", "a3", "b1", "c1", "d1", "d2");
        assertThat(parsed.items()).extracting(RawStatus::index).containsExactly(0, 1, 2, 3, 4, 5, 6);
        assertThat(parsed.items().get(3).path()).isEqualTo("entry[0].changes[1].value.statuses[0]");
        assertThat(parsed.structural()).isEmpty();
    }

    @Test
    void inboundMessagesAndOtherFieldsHoldNoStatus() throws Exception {
        ParsedWebhook parsed = format.parse(body("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":["
                + "{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"wa_id\":\"1555\"}],"
                + "\"messages\":[{\"from\":\"1555\",\"id\":\"wamid.IN\",\"timestamp\":\"1702207800\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}]}},"
                + "{\"field\":\"message_template_status_update\",\"value\":{\"event\":\"APPROVED\",\"statuses\":[{\"id\":\"x\"}]}},"
                + "{\"field\":\"account_update\",\"value\":\"not even an object\"}]}]}"));
        assertThat(parsed.items()).isEmpty();
        assertThat(parsed.structural()).isEmpty();
    }

    @Test
    void aMalformedEntryOrChangeIsRefusedAloneAndTheRestIsRead() throws Exception {
        String good = "{\"field\":\"messages\",\"value\":{\"statuses\":[" + s("ok1") + "]}}";
        ParsedWebhook parsed = format.parse(body("{\"object\":\"whatsapp_business_account\",\"entry\":["
                + "\"not an object\","
                + "{\"id\":\"1\"},"
                + "{\"id\":\"2\",\"changes\":[7," + good + ",{\"field\":\"messages\",\"value\":[]},"
                + "{\"field\":\"messages\",\"value\":{\"statuses\":{}}}]},"
                + "{\"id\":\"3\",\"changes\":[{\"value\":{\"statuses\":[" + s("ok2") + "]}}]}]}"));
        assertThat(parsed.items()).extracting(r -> r.item().get("id").asText()).containsExactly("ok1", "ok2");
        assertThat(parsed.structural()).extracting(Rejection::path).containsExactly(
                "entry[0]", "entry[1].changes", "entry[2].changes[0]", "entry[2].changes[2].value",
                "entry[2].changes[3].value.statuses");
        assertThat(parsed.structural()).extracting(Rejection::reason).allSatisfy(r -> assertThat(r).contains("must be"));
        List<Integer> indexes = new java.util.ArrayList<>();
        parsed.items().forEach(i -> indexes.add(i.index()));
        parsed.structural().forEach(r -> indexes.add(r.index()));
        assertThat(indexes).as("items and refusals share one index sequence").containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6);
    }

    @Test
    void errorsBesideTheStatusesAreOfferedAsFallback() throws Exception {
        ParsedWebhook parsed = format.parse(body("{\"entry\":[{\"changes\":[{\"field\":\"messages\",\"value\":{"
                + "\"statuses\":[" + s("a") + "],\"errors\":[{\"code\":131000}]}}]}]}"));
        assertThat(parsed.items().get(0).fallbackErrors().get(0).get("code").asInt()).isEqualTo(131000);
    }

    @Test
    void theOuterShapeMustBeAnEnvelope() {
        assertThatThrownBy(() -> format.parse(body("{\"object\":\"page\",\"entry\":[]}")))
                .isInstanceOf(MalformedWebhook.class).hasMessageContaining("'object'");
        assertThatThrownBy(() -> format.parse(body("{\"object\":\"whatsapp_business_account\"}")))
                .isInstanceOf(MalformedWebhook.class).hasMessageContaining("'entry' must be an array");
        assertThatThrownBy(() -> format.parse(body("{\"entry\":{}}")))
                .isInstanceOf(MalformedWebhook.class).hasMessageContaining("'entry' must be an array");
    }
}
