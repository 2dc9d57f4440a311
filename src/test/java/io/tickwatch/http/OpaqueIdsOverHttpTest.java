package io.tickwatch.http;

import static io.tickwatch.testing.Webhooks.cloudApi;
import static io.tickwatch.testing.Webhooks.onPremises;
import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.testing.Refusals;
import io.tickwatch.testing.RunningTickwatch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** FORMATS.md §3.1: ids are opaque strings and round-trip exactly; a numeric id becomes its decimal string. */
class OpaqueIdsOverHttpTest {

    @RegisterExtension
    static final RunningTickwatch tw = RunningTickwatch.perClass();

    @ParameterizedTest
    @ValueSource(strings = {"wamid.HBgMOTE5ODc2NTQzMjEwFQIAERgSQUFBQUFBQUFBQUFBQUFBQUEA", "a/b/c", "100%", "%2F", "a+b",
            "x==", "\"quoted\"", "it's", "wamid.ünïcødé-✓-😀", "  spaced  ", "back\\slash", "q?x=1&y=2#frag", "a%20b+c",
            "..", "wamid.A;jsessionid=1"})
    void anIdRoundTripsExactlyThroughTheApi(String id) throws Exception {
        assertThat(tw.postWebhook(onPremises(status(id, "sent", "1702207800", "919876543210"))).status()).isEqualTo(200);

        RunningTickwatch.Reply reply = tw.message(id);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("id").asText()).isEqualTo(id);
        assertThat(storedIdEquals(id)).as("stored byte for byte").isTrue();
    }

    @Test
    void anIdOfSixHundredAndMoreCharactersRoundTrips() {
        String id = "wamid." + "HBgMOTE5ODc2NTQzMjEw/+=%".repeat(30) + "ü";
        assertThat(id.length()).isGreaterThan(600);
        assertThat(tw.postWebhook(cloudApi(status(id, "delivered", "1702207805", "919876543210"))).status()).isEqualTo(200);
        assertThat(tw.message(id).json().get("id").asText()).isEqualTo(id);
    }

    @Test
    void aNumericIdBecomesItsDecimalString() {
        String body = "{\"statuses\":[{\"id\":12345678901234567890,\"status\":\"sent\",\"timestamp\":\"1702207800\"},"
                + "{\"id\":42,\"status\":\"read\",\"timestamp\":\"1702207800\"}]}";
        assertThat(tw.postWebhook(body).json().get("processed").asInt()).isEqualTo(2);
        assertThat(tw.message("12345678901234567890").json().get("currentStatus").asText()).isEqualTo("sent");
        assertThat(tw.message("42").json().get("id").asText()).isEqualTo("42");
        assertThat(tw.message("42").json().get("id").isTextual()).isTrue();
    }

    @Test
    void idsThatDifferOnlyInCaseOrEncodingAreDifferentMessages() {
        tw.postWebhook(onPremises(status("wamid.Case", "sent", "1702207800", null),
                status("wamid.case", "read", "1702207800", null), status("a b", "delivered", "1702207800", null),
                status("a+b2", "failed", "1702207800", null)));
        assertThat(tw.message("wamid.Case").json().get("currentStatus").asText()).isEqualTo("sent");
        assertThat(tw.message("wamid.case").json().get("currentStatus").asText()).isEqualTo("read");
        assertThat(tw.get("/api/messages/a+b2").json().get("id").asText()).as("a literal + in the path stays a plus")
                .isEqualTo("a+b2");
        assertThat(tw.get("/api/messages/a%20b").json().get("currentStatus").asText()).isEqualTo("delivered");
        Refusals.assertRefused(tw.get("/api/messages/a+b"), 404, "unknown_message");
    }

    @Test
    void anIdThatIsNotUtf8OnceDecodedIsRefusedNotGuessed() {
        Refusals.assertRefused(tw.get("/api/messages/%C3%28"), 400, "invalid_id");
        Refusals.assertRefused(tw.get("/api/messages/%FF"), 400, "invalid_id");
    }

    /** Undertow's own request parser refuses these before any handler runs (an empty 400, not our JSON). */
    @Test
    void aMalformedPercentEscapeIsRefusedNotGuessed() {
        assertThat(tw.rawGet("/api/messages/abc%2").status()).isEqualTo(400);
        assertThat(tw.rawGet("/api/messages/abc%zz").status()).isEqualTo(400);
    }

    static boolean storedIdEquals(String id) throws Exception {
        try (Connection c = tw.connect(); PreparedStatement ps = c.prepareStatement("SELECT id FROM messages WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getString(1).equals(id);
            }
        }
    }
}
