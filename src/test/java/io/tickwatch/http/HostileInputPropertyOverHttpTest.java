package io.tickwatch.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickwatch.testing.RunningTickwatch;
import java.io.IOException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * DESIGN.md §6 "hostile input": whatever JSON value stands where a status field is expected, the request
 * is answered promptly, never with a 5xx, and every item is either processed or listed in {@code rejected}.
 */
class HostileInputPropertyOverHttpTest {

    /** One application for all tries; jqwik has no JUnit extensions or @TempDir, so its hooks start it. */
    static final RunningTickwatch tw = RunningTickwatch.perClass();

    @BeforeContainer
    static void start() throws IOException {
        tw.startInFreshFolder();
    }

    @AfterContainer
    static void stop() throws IOException {
        tw.stopAndDeleteFolder();
    }

    @Property(tries = 150)
    void oddValuesInStatusItemsAreAnsweredAndAccountedFor(@ForAll("items") List<String> items, @ForAll boolean cloudApi) {
        String statuses = "[" + String.join(",", items) + "]";
        String body = cloudApi
                ? "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":[{\"field\":\"messages\","
                        + "\"value\":{\"statuses\":" + statuses + ",\"errors\":" + "[{\"code\":\"x\"}]" + "}}]}]}"
                : "{\"statuses\":" + statuses + ",\"errors\":[{\"code\":1e400,\"title\":[]}]}";
        RunningTickwatch.Reply reply = tw.postWebhook(body);
        assertThat(reply.status()).as(body).isEqualTo(200);
        JsonNode answer = reply.json();
        assertThat(answer.get("processed").asInt() + answer.get("rejected").size()).as(body).isEqualTo(items.size());
    }

    @Provide
    Arbitrary<List<String>> items() {
        Arbitrary<String> odd = Arbitraries.of("null", "true", "false", "0", "-0", "-1", "1e400", "-1e400", "1.5",
                "123456789012345678901234567890", "\"\"", "\" \"", "\"\\u0000\"", "\"\\ud800\"", "\"é🎉\"", "[]", "{}",
                "[null]", "[{}]", "{\"code\":{}}", "\"1702207800\"", "1702207800", "\"2023-12-10T11:30:00Z\"",
                "\"SENT\"", "\"read\"", "\"failed\"", "\"x\"", "\"" + "9".repeat(400) + "\"");
        Arbitrary<String> item = Combinators.combine(odd, odd, odd, odd, odd, odd)
                .as((id, status, ts, recipient, participant, errors) -> "{\"id\":" + id + ",\"status\":" + status
                        + ",\"timestamp\":" + ts + ",\"recipient_id\":" + recipient + ",\"recipient_participant_id\":"
                        + participant + ",\"errors\":" + errors + "}");
        Arbitrary<String> anyItem = Arbitraries.oneOf(item, odd);
        return anyItem.list().ofMinSize(1).ofMaxSize(6);
    }
}
