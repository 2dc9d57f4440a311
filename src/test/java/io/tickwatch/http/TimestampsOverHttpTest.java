package io.tickwatch.http;

import static io.tickwatch.testing.Webhooks.onPremises;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickwatch.testing.Refusals;
import io.tickwatch.testing.RunningTickwatch;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * FORMATS.md §3.3: Unix seconds as string or number, milliseconds above 10^11, ISO-8601 with an offset;
 * stored as the UTC instant. Empty, non-numeric, zero, negative, ISO without offset or out of range:
 * the item is rejected with a reason, listed in {@code rejected} and kept in {@code rejected_items}.
 */
class TimestampsOverHttpTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final RunningTickwatch tw = RunningTickwatch.perClass();

    static String item(String id, String timestampJson) {
        return "{\"id\":\"" + id + "\",\"status\":\"sent\",\"timestamp\":" + timestampJson + ",\"recipient_id\":\"919876543210\"}";
    }

    @Test
    void everyAcceptedFormIsStoredAsTheSameUtcInstant() {
        String[] forms = {"\"1702207800\"", "1702207800", "1702207800000", "\"1702207800000\"", "\"2023-12-10T11:30:00Z\"",
                "\"2023-12-10T17:00:00+05:30\"", "\"2023-12-10T06:30:00-05:00\""};
        List<String> items = new ArrayList<>();
        for (int i = 0; i < forms.length; i++) {
            items.add(item("ts.ok." + i, forms[i]));
        }
        RunningTickwatch.Reply reply = tw.postWebhook(onPremises(items.toArray(String[]::new)));
        assertThat(reply.json().get("status").asText()).as(reply.body()).isEqualTo("success");
        assertThat(reply.json().get("processed").asInt()).isEqualTo(forms.length);
        for (int i = 0; i < forms.length; i++) {
            JsonNode m = tw.message("ts.ok." + i).json();
            assertThat(m.get("sent").asText()).as(forms[i]).isEqualTo("2023-12-10T11:30:00Z");
            assertThat(m.get("events").get(0).get("at").asText()).isEqualTo("2023-12-10T11:30:00Z");
        }
        assertThat(tw.queryLong("SELECT sent_at FROM messages WHERE id = 'ts.ok.5'")).isEqualTo(1_702_207_800_000L);
    }

    @Test
    void millisecondsKeepTheirPrecision() {
        tw.postWebhook(onPremises(item("ts.ms", "1702207800123")));
        assertThat(tw.message("ts.ms").json().get("sent").asText()).isEqualTo("2023-12-10T11:30:00.123Z");
    }

    @Test
    void unusableTimestampsAreRejectedWithAReasonListedAndKept() throws Exception {
        String[][] bad = {
                {"\"\"", "empty"}, {"\"soon\"", "neither Unix seconds"}, {"\"0\"", "positive"}, {"0", "positive"},
                {"\"-1702207800\"", "positive"}, {"-5", "positive"}, {"\"2023-12-10T11:30:00\"", "no UTC offset"},
                {"\"99999999999999999\"", "out of range"}, {"null", "missing"}, {"true", "string or a number"}};
        List<String> items = new ArrayList<>();
        items.add(item("ts.good", "\"1702207800\""));
        for (int i = 0; i < bad.length; i++) {
            items.add(item("ts.bad." + i, bad[i][0]));
        }
        long rejectedBefore = tw.counts().rejected();
        RunningTickwatch.Reply reply = tw.postWebhook(onPremises(items.toArray(String[]::new)));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.get("status").asText()).isEqualTo("partial_success");
        assertThat(body.get("processed").asInt()).isEqualTo(1);
        JsonNode rejected = body.get("rejected");
        assertThat(rejected).hasSize(bad.length);
        for (int i = 0; i < bad.length; i++) {
            assertThat(rejected.get(i).get("index").asInt()).isEqualTo(i + 1);
            assertThat(rejected.get(i).get("reason").asText()).as(bad[i][0]).contains(bad[i][1]);
            Refusals.assertRefused(tw.message("ts.bad." + i), 404, "unknown_message");
        }
        assertThat(tw.message("ts.good").status()).isEqualTo(200);

        assertThat(tw.counts().rejected() - rejectedBefore).isEqualTo(bad.length);
        try (Connection c = tw.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT r.item_index, r.reason, r.raw_json, r.path, w.id FROM rejected_items r "
                     + "JOIN webhook_requests w ON w.id = r.request_id WHERE r.raw_json LIKE '%ts.bad.%' ORDER BY r.item_index")) {
            int i = 0;
            while (rs.next()) {
                assertThat(rs.getInt(1)).isEqualTo(i + 1);
                assertThat(rs.getString(2)).contains(bad[i][1]);
                assertThat(JSON.readTree(rs.getString(3)).get("id").asText()).isEqualTo("ts.bad." + i);
                assertThat(rs.getString(4)).isEqualTo("statuses[" + (i + 1) + "]");
                i++;
            }
            assertThat(i).as("every rejected item kept, tied to its request").isEqualTo(bad.length);
        }
    }

    @Test
    void aRejectedTimestampIsNeverReplacedByNow() {
        RunningTickwatch.Reply reply = tw.postWebhook(onPremises(item("ts.now", "\"\"")));
        assertThat(reply.json().get("processed").asInt()).isZero();
        assertThat(reply.json().get("status").asText()).isEqualTo("partial_success");
        assertThat(tw.queryLong("SELECT COUNT(*) FROM status_events WHERE message_id = 'ts.now'")).isZero();
    }
}
