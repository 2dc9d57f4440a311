package io.tickwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickwatch.model.StatusEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FORMATS.md §3 rules 1, 2, 3, 6, 7 and 10 as the validator applies them to raw items. */
class StatusValidatorTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final long RECEIVED = 1_800_000_000_000L;
    static final long AT = Instant.parse("2023-12-10T11:30:00Z").toEpochMilli();

    final StatusValidator validator = new StatusValidator();

    static JsonNode json(String s) {
        try {
            return JSON.readTree(s);
        } catch (Exception e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    StatusValidator.Result validate(JsonNode fallbackErrors, String... items) {
        List<RawStatus> raw = new ArrayList<>();
        for (int i = 0; i < items.length; i++) {
            raw.add(new RawStatus(i, "statuses[" + i + "]", json(items[i]), fallbackErrors));
        }
        return validator.validate(raw, RECEIVED);
    }

    StatusEvent accepted(String item) {
        StatusValidator.Result r = validate(null, item);
        assertThat(r.rejected()).as("rejections of " + item).isEmpty();
        assertThat(r.accepted()).hasSize(1);
        return r.accepted().get(0);
    }

    String rejected(String item) {
        StatusValidator.Result r = validate(null, item);
        assertThat(r.accepted()).as("accepted from " + item).isEmpty();
        assertThat(r.rejected()).hasSize(1);
        return r.rejected().get(0).reason();
    }

    @Test
    void aCompleteItemBecomesAnEvent() {
        StatusEvent e = accepted("{\"id\":\"wamid.A\",\"status\":\"read\",\"timestamp\":\"1702207800\",\"recipient_id\":\"919876543210\"}");
        assertThat(e).isEqualTo(new StatusEvent("wamid.A", "read", AT, "+919876543210", null, null, RECEIVED));
    }

    @Test
    void idsAreOpaqueAndNumericIdsBecomeTheirDecimalString() {
        assertThat(accepted("{\"id\":\" a/b%c+d=e \\\"q\\\" ü \",\"status\":\"sent\",\"timestamp\":1702207800}").messageId())
                .isEqualTo(" a/b%c+d=e \"q\" ü ");
        assertThat(accepted("{\"id\":12345678901234567890123,\"status\":\"sent\",\"timestamp\":1702207800}").messageId())
                .isEqualTo("12345678901234567890123");
        assertThat(accepted("{\"id\":\"" + "x".repeat(700) + "\",\"status\":\"sent\",\"timestamp\":1702207800}").messageId())
                .hasSize(700);
    }

    @Test
    void statusesAreTrimmedAndLowerCased() {
        assertThat(accepted("{\"id\":\"a\",\"status\":\"  Delivered \",\"timestamp\":1702207800}").status()).isEqualTo("delivered");
        assertThat(accepted("{\"id\":\"a\",\"status\":\"SENT\",\"timestamp\":1702207800}").status()).isEqualTo("sent");
        assertThat(accepted("{\"id\":\"a\",\"status\":\"Played\",\"timestamp\":1702207800}").status())
                .as("unknown statuses are kept").isEqualTo("played");
    }

    @Test
    void itemsBreakingARuleAreRefusedWithAReason() {
        assertThat(rejected("[1]")).contains("must be an object");
        assertThat(rejected("{\"status\":\"sent\",\"timestamp\":1702207800}")).contains("id is missing");
        assertThat(rejected("{\"id\":\"  \",\"status\":\"sent\",\"timestamp\":1702207800}")).contains("id is empty");
        assertThat(rejected("{\"id\":{},\"status\":\"sent\",\"timestamp\":1702207800}")).contains("id must be a string or a number");
        assertThat(rejected("{\"id\":1e400,\"status\":\"sent\",\"timestamp\":1702207800}")).contains("id");
        assertThat(rejected("{\"id\":\"a\",\"status\":\"sent\",\"timestamp\":1e400}")).contains("out of range");
        assertThat(rejected("{\"id\":\"a\\u0000b\",\"status\":\"sent\",\"timestamp\":1702207800}")).contains("NUL");
        assertThat(rejected("{\"id\":\"" + "x".repeat(2049) + "\",\"status\":\"sent\",\"timestamp\":1702207800}"))
                .contains("longer than");
        assertThat(rejected("{\"id\":\"a\",\"timestamp\":1702207800}")).contains("status is missing");
        assertThat(rejected("{\"id\":\"a\",\"status\":\" \",\"timestamp\":1702207800}")).contains("status is empty");
        assertThat(rejected("{\"id\":\"a\",\"status\":3,\"timestamp\":1702207800}")).contains("status must be a string");
        assertThat(rejected("{\"id\":\"a\",\"status\":\"" + "s".repeat(65) + "\",\"timestamp\":1702207800}"))
                .contains("not a plausible status");
        assertThat(rejected("{\"id\":\"a\",\"status\":\"sent\"}")).contains("timestamp is missing");
        assertThat(rejected("{\"id\":\"a\",\"status\":\"sent\",\"timestamp\":\"2023-12-10T11:30:00\"}")).contains("no UTC offset");
    }

    @Test
    void aRejectionKeepsTheItemsIndexPathAndRawJson() {
        StatusValidator.Result r = validate(null, "{\"id\":\"a\",\"status\":\"sent\",\"timestamp\":1702207800}",
                "{\"id\":\"b\",\"status\":\"sent\",\"timestamp\":\"\"}", "{\"id\":\"c\",\"status\":\"read\",\"timestamp\":1702207800}");
        assertThat(r.accepted()).extracting(StatusEvent::messageId).containsExactly("a", "c");
        assertThat(r.rejected()).singleElement().satisfies(x -> {
            assertThat(x.index()).isEqualTo(1);
            assertThat(x.path()).isEqualTo("statuses[1]");
            assertThat(x.reason()).contains("empty");
            assertThat(json(x.rawJson())).isEqualTo(json("{\"id\":\"b\",\"status\":\"sent\",\"timestamp\":\"\"}"));
        });
    }

    @Test
    void phonesComeFromTheParticipantOfAGroupElseTheRecipient() {
        assertThat(accepted("{\"id\":\"a\",\"status\":\"sent\",\"timestamp\":1702207800,\"recipient_id\":\"+919876543210\"}").phone())
                .isEqualTo("+919876543210");
        assertThat(accepted("{\"id\":\"a\",\"status\":\"sent\",\"timestamp\":1702207800,\"recipient_type\":\"group\","
                + "\"recipient_id\":\"120363025246125486\",\"recipient_participant_id\":\"447700900123\"}").phone())
                .isEqualTo("+447700900123");
        assertThat(accepted("{\"id\":\"a\",\"status\":\"sent\",\"timestamp\":1702207800,\"recipient_id\":919876543210}").phone())
                .isEqualTo("+919876543210");
        assertThat(accepted("{\"id\":\"a\",\"status\":\"sent\",\"timestamp\":1702207800}").phone()).isNull();
        assertThat(accepted("{\"id\":\"a\",\"status\":\"sent\",\"timestamp\":1702207800,\"recipient_user_id\":\"US.1349\"}").phone())
                .isNull();
    }

    @Test
    void aFailedItemKeepsTheFirstErrorsCodeAndTitle() {
        StatusEvent e = accepted("{\"id\":\"a\",\"status\":\"failed\",\"timestamp\":1702207800,\"errors\":["
                + "{\"code\":131026,\"title\":\"Message undeliverable\"},{\"code\":1,\"title\":\"second\"}]}");
        assertThat(e.errorCode()).isEqualTo(131026);
        assertThat(e.errorTitle()).isEqualTo("Message undeliverable");
        StatusEvent textual = accepted("{\"id\":\"a\",\"status\":\"FAILED\",\"timestamp\":1702207800,\"errors\":[{\"code\":\" 470 \",\"message\":\"Re-engagement\"}]}");
        assertThat(textual.errorCode()).isEqualTo(470);
        assertThat(textual.errorTitle()).as("message stands in for a missing title").isEqualTo("Re-engagement");
    }

    @Test
    void aFailedItemWithoutErrorsUsesTheErrorsBesideTheStatuses() {
        JsonNode beside = json("[{\"code\":131047,\"title\":\"Re-engagement message\"}]");
        StatusValidator.Result r = validate(beside,
                "{\"id\":\"a\",\"status\":\"failed\",\"timestamp\":1702207800}",
                "{\"id\":\"b\",\"status\":\"failed\",\"timestamp\":1702207800,\"errors\":[{\"code\":131026,\"title\":\"own\"}]}",
                "{\"id\":\"c\",\"status\":\"sent\",\"timestamp\":1702207800}");
        assertThat(r.accepted().get(0).errorCode()).isEqualTo(131047);
        assertThat(r.accepted().get(0).errorTitle()).isEqualTo("Re-engagement message");
        assertThat(r.accepted().get(1).errorCode()).as("the item's own error comes first").isEqualTo(131026);
        assertThat(r.accepted().get(2).hasError()).as("only failed statuses carry errors").isFalse();
    }

    @Test
    void unusableErrorPartsAreDroppedNotFatal() {
        StatusEvent e = accepted("{\"id\":\"a\",\"status\":\"failed\",\"timestamp\":1702207800,\"errors\":[{\"code\":\"x\",\"title\":7}]}");
        assertThat(e.errorCode()).isNull();
        assertThat(e.errorTitle()).isNull();
        StatusEvent huge = accepted("{\"id\":\"a\",\"status\":\"failed\",\"timestamp\":1702207800,\"errors\":[{\"code\":1,\"title\":\""
                + "t".repeat(5000) + "\"}]}");
        assertThat(huge.errorTitle()).hasSize(1024);
    }

    /** An empty title says nothing; kept as "" it would tie with "no title" in the store's merge and let arrival order decide. */
    @Test
    void anEmptyTitleIsNoTitle() {
        StatusEvent e = accepted("{\"id\":\"a\",\"status\":\"failed\",\"timestamp\":1702207800,\"errors\":[{\"code\":1,\"title\":\"\"}]}");
        assertThat(e.errorCode()).isEqualTo(1);
        assertThat(e.errorTitle()).isNull();
        StatusEvent fallback = accepted("{\"id\":\"a\",\"status\":\"failed\",\"timestamp\":1702207800,\"errors\":[{\"title\":\"\",\"message\":\"why\"}]}");
        assertThat(fallback.errorTitle()).isEqualTo("why");
    }

    @Test
    void unknownFieldsAreIgnored() {
        StatusEvent e = accepted("{\"id\":\"a\",\"status\":\"sent\",\"timestamp\":1702207800,\"recipient_id\":\"1555\","
                + "\"conversation\":{\"id\":\"c\",\"origin\":{\"type\":\"marketing\"}},\"pricing\":{\"billable\":true},"
                + "\"biz_opaque_callback_data\":\"x\",\"brand_new_field\":[1,2,{}]}");
        assertThat(e.status()).isEqualTo("sent");
    }
}
