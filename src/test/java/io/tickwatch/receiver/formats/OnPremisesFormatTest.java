package io.tickwatch.receiver.formats;

import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickwatch.ingest.RawStatus;
import org.junit.jupiter.api.Test;

/** FORMATS.md §1a and the detection of formats by the shape of the body. */
class OnPremisesFormatTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode body(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void everyStatusIsReadWithTheTopLevelErrorsAsFallback() throws Exception {
        String json = "{\"statuses\":[" + status("a", "sent", "1702207800", null) + ",5,"
                + status("b", "failed", "1702207800", "1555") + "],\"errors\":[{\"code\":470}],\"whatsapp_business_account\":\"x\"}";
        ParsedWebhook parsed = new OnPremisesFormat().parse(body(json));
        assertThat(parsed.format()).isEqualTo("on-premises");
        assertThat(parsed.items()).extracting(RawStatus::path).containsExactly("statuses[0]", "statuses[1]", "statuses[2]");
        assertThat(parsed.items()).allSatisfy(r -> assertThat(r.fallbackErrors().get(0).get("code").asInt()).isEqualTo(470));
        assertThat(parsed.structural()).isEmpty();
    }

    @Test
    void statusesMustBeAnArray() {
        assertThatThrownBy(() -> new OnPremisesFormat().parse(body("{\"statuses\":\"x\"}")))
                .isInstanceOf(MalformedWebhook.class).hasMessageContaining("'statuses' must be an array");
    }

    @Test
    void theDetectorPicksTheFormatByShape() throws Exception {
        FormatDetector detector = FormatDetector.standard();
        assertThat(detector.parse(body(onPremises(status("a", "sent", "1", null)))).format()).isEqualTo("on-premises");
        assertThat(detector.parse(body("{\"object\":\"whatsapp_business_account\",\"entry\":[]}")).format()).isEqualTo("cloud-api");
        assertThat(detector.parse(body("{\"entry\":[],\"statuses\":[]}")).format()).isEqualTo("cloud-api");
        assertThatThrownBy(() -> detector.parse(body("{\"hello\":1}")))
                .isInstanceOf(MalformedWebhook.class).hasMessageContaining("unrecognised webhook");
    }
}
