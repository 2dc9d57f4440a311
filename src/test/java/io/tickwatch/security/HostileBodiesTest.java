package io.tickwatch.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.testing.RunningTickwatch;
import io.tickwatch.testing.RunningTickwatch.Reply;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed shape we could think of, sent over real HTTP: each must get a 4xx, or a 200 that
 * lists its items under {@code rejected} — never a 5xx, never a crash, never a changed row.
 */
class HostileBodiesTest {

    private static final String SEED = "{\"statuses\":[{\"id\":\"wamid.seed\",\"status\":\"sent\","
            + "\"timestamp\":\"1702207800\",\"recipient_id\":\"919876543210\"}]}";

    @RegisterExtension
    static final RunningTickwatch tw = RunningTickwatch.perClass();
    static String before;

    @BeforeAll
    static void seed() throws Exception {
        assertThat(tw.postWebhook(SEED).status()).isEqualTo(200);
        before = snapshot();
    }

    static Stream<Arguments> bodies() {
        List<Arguments> cases = new ArrayList<>();
        add(cases, "truncated JSON", "{\"statuses\":[{\"id\":\"wamid.seed\",\"status\":\"read\"");
        add(cases, "truncated after a comma", "{\"statuses\":[1,");
        add(cases, "empty body", "");
        add(cases, "whitespace only", " \r\n\t ");
        add(cases, "JSON null", "null");
        add(cases, "JSON number", "42");
        add(cases, "JSON string", "\"statuses\"");
        add(cases, "JSON array", "[{\"statuses\":[]}]");
        add(cases, "empty object", "{}");
        add(cases, "unknown object", "{\"hello\":\"world\"}");
        add(cases, "trailing garbage", SEED.replace("read", "x") + " trailing");
        add(cases, "two documents", "{\"statuses\":[]}{\"statuses\":[]}");
        add(cases, "duplicate keys", "{\"statuses\":[],\"statuses\":[]}");
        add(cases, "NaN timestamp", "{\"statuses\":[{\"id\":\"wamid.seed\",\"status\":\"read\",\"timestamp\":NaN}]}");
        add(cases, "Infinity timestamp", "{\"statuses\":[{\"id\":\"wamid.seed\",\"status\":\"read\",\"timestamp\":Infinity}]}");
        add(cases, "single quotes", "{'statuses':[]}");
        add(cases, "comments", "{/* c */\"statuses\":[]}");
        add(cases, "statuses is a string", "{\"statuses\":\"read\"}");
        add(cases, "statuses is an object", "{\"statuses\":{\"id\":\"wamid.seed\"}}");
        add(cases, "statuses is null", "{\"statuses\":null}");
        for (String item : List.of("1", "\"s\"", "null", "true", "[]", "[{\"id\":\"wamid.seed\"}]")) {
            add(cases, "item " + item, "{\"statuses\":[" + item + "]}");
        }
        for (String id : List.of("{}", "[]", "true", "null", "\"\"", "\"   \"", "\"a\\u0000b\"", "\"\\ud800\"",
                "\"" + "x".repeat(3000) + "\"")) {
            add(cases, "id " + shorten(id), item(id, "\"read\"", "\"1702207900\""));
        }
        for (String status : List.of("1", "[]", "{}", "null", "\"\"", "\"  \"", "\"" + "r".repeat(100) + "\"")) {
            add(cases, "status " + shorten(status), item("\"wamid.seed\"", status, "\"1702207900\""));
        }
        for (String ts : List.of("{}", "[]", "true", "null", "\"\"", "\"abc\"", "0", "-5", "\"-5\"", "1e400",
                "123456789012345678901234567890", "\"2023-12-10T11:30:00\"", "\"2023-13-45T99:00:00Z\"",
                "\"1702207800.5.5\"", "1.5e300", "\"0x65\"")) {
            add(cases, "timestamp " + ts, item("\"wamid.seed\"", "\"read\"", ts));
        }
        add(cases, "missing id", "{\"statuses\":[{\"status\":\"read\",\"timestamp\":\"1702207900\"}]}");
        add(cases, "missing status", "{\"statuses\":[{\"id\":\"wamid.seed\",\"timestamp\":\"1702207900\"}]}");
        add(cases, "missing timestamp", "{\"statuses\":[{\"id\":\"wamid.seed\",\"status\":\"read\"}]}");
        add(cases, "entry is an object", "{\"object\":\"whatsapp_business_account\",\"entry\":{}}");
        add(cases, "entry is a string", "{\"object\":\"whatsapp_business_account\",\"entry\":\"x\"}");
        add(cases, "object is not WhatsApp", "{\"object\":\"page\",\"entry\":[]}");
        add(cases, "object is a number", "{\"object\":7,\"entry\":[]}");
        for (String entry : List.of("1", "null", "\"e\"", "[]", "{\"changes\":\"x\"}", "{\"changes\":[1]}",
                "{\"changes\":[{\"field\":\"messages\",\"value\":\"v\"}]}",
                "{\"changes\":[{\"field\":\"messages\",\"value\":{\"statuses\":\"s\"}}]}",
                "{\"changes\":[{\"field\":\"messages\",\"value\":{\"statuses\":[{\"id\":[],\"status\":\"read\",\"timestamp\":\"1702207900\"}]}}]}")) {
            add(cases, "entry " + shorten(entry), "{\"object\":\"whatsapp_business_account\",\"entry\":[" + entry + "]}");
        }
        add(cases, "deep nesting", "{\"statuses\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}");
        add(cases, "deep object nesting", "{\"a\":".repeat(50_000) + "1" + "}".repeat(50_000));
        add(cases, "huge number literal", "{\"statuses\":[{\"id\":\"wamid.seed\",\"status\":\"read\",\"timestamp\":"
                + "9".repeat(5000) + "}]}");
        add(cases, "huge string", "{\"statuses\":[{\"id\":\"wamid.seed\",\"status\":\"" + "z".repeat(2_000_000)
                + "\",\"timestamp\":\"1702207900\"}]}");
        cases.add(Arguments.of("invalid UTF-8", concat("{\"statuses\":[{\"id\":\"wamid.se".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xC3, (byte) 0x28}, "\",\"status\":\"read\",\"timestamp\":\"1702207900\"}]}".getBytes(
                        StandardCharsets.UTF_8)), false));
        cases.add(Arguments.of("overlong UTF-8 slash", concat("{\"statuses\":[{\"id\":\"wamid".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xC0, (byte) 0xAF}, "\"}]}".getBytes(StandardCharsets.UTF_8)), false));
        cases.add(Arguments.of("BOM then a bad item", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                item("\"wamid.seed\"", "\"read\"", "\"\"").getBytes(StandardCharsets.UTF_8)), false));
        cases.add(Arguments.of("UTF-16 body", "{\"statuses\":[]}".getBytes(StandardCharsets.UTF_16), false));
        cases.add(Arguments.of("binary noise", noise(4096), false));
        byte[] tenMegabytes = ("{\"statuses\":[{\"id\":\"wamid.seed\",\"status\":\"read\",\"timestamp\":\"1702207900\",\"pad\":\""
                + "p".repeat(10 * 1024 * 1024) + "\"}]}").getBytes(StandardCharsets.UTF_8);
        cases.add(Arguments.of("10 MB body", tenMegabytes, false));
        cases.add(Arguments.of("10 MB body, chunked", tenMegabytes, true));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void neverA5xxNeverAChangedRow(String name, byte[] body, boolean chunked) throws Exception {
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        Reply reply = tw.send(HttpRequest.newBuilder(tw.uri("/webhook")).POST(publisher)
                .header("Content-Type", "application/json").build());

        // one line per shape in the test output: the list of hostile inputs and what each got
        System.out.printf("hostile input: %-40s → %d %s%n", name, reply.status(), reply.status() == 200
                ? "rejected: " + shorten(reply.json().path("rejected").path(0).path("reason").asText())
                : reply.json().path("error").asText());
        assertThat(reply.status()).as(name + " → " + shorten(reply.body())).isBetween(200, 499);
        if (reply.status() == 200) {
            assertThat(reply.json().get("processed").asInt()).as(name).isZero();
            assertThat(reply.json().get("rejected")).as(name).isNotEmpty();
        } else {
            assertThat(reply.json().get("error").asText()).as(name).isNotBlank();
            assertThat(reply.json().get("message").asText()).as(name).isNotBlank();
        }
        assertThat(snapshot()).as(name + " changed a row").isEqualTo(before);
        assertThat(tw.get("/health").status()).isEqualTo(200);
    }

    /** The merged state of every message, as text: any change to any row shows. */
    private static String snapshot() throws Exception {
        StringBuilder b = new StringBuilder();
        try (Connection c = tw.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM messages ORDER BY id")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    b.append(rs.getString(i)).append('|');
                }
                b.append('\n');
            }
        }
        try (Connection c = tw.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), COALESCE(SUM(seen), 0) FROM status_events")) {
            rs.next();
            b.append("events=").append(rs.getLong(1)).append(" seen=").append(rs.getLong(2));
        }
        return b.toString();
    }

    private static String item(String id, String status, String timestamp) {
        return "{\"statuses\":[{\"id\":" + id + ",\"status\":" + status + ",\"timestamp\":" + timestamp
                + ",\"recipient_id\":\"919876543210\"}]}";
    }

    private static void add(List<Arguments> cases, String name, String body) {
        cases.add(Arguments.of(name, body.getBytes(StandardCharsets.UTF_8), false));
    }

    private static byte[] concat(byte[]... parts) {
        byte[] all = new byte[Arrays.stream(parts).mapToInt(p -> p.length).sum()];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }

    private static byte[] noise(int length) {
        byte[] bytes = new byte[length];
        new java.util.Random(7).nextBytes(bytes);
        return bytes;
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
