package io.tickwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** FORMATS.md §3.3: which provider timestamps are read, as what instant, and which are refused with a reason. */
class TimestampsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final long EXPECTED = Instant.parse("2023-12-10T11:30:00Z").toEpochMilli();

    static long parseJson(String json) throws Exception {
        return Timestamps.parse(JSON.readTree(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1702207800\"", "1702207800", "\" 1702207800 \"", "1702207800000", "\"1702207800000\"",
            "\"2023-12-10T11:30:00Z\"", "\"2023-12-10T17:00:00+05:30\"", "\"2023-12-10T06:30:00-05:00\"",
            "\"2023-12-10T11:30:00.000Z\""})
    void acceptedFormsAllMeanTheSameInstant(String json) throws Exception {
        assertThat(parseJson(json)).isEqualTo(EXPECTED);
    }

    @Test
    void theGuidesOwnExampleIsElevenThirtyUtc() throws Exception {
        assertThat(Timestamps.format(Timestamps.parse("1702207800"))).isEqualTo("2023-12-10T11:30:00Z");
    }

    @Test
    void aNumberAboveTenToTheElevenIsMilliseconds() throws Exception {
        assertThat(Timestamps.parse("100000000000")).as("exactly 10^11 is still seconds").isEqualTo(100_000_000_000_000L);
        assertThat(Timestamps.parse("100000000001")).isEqualTo(100_000_000_001L);
        assertThat(parseJson("1702207800123")).isEqualTo(EXPECTED + 123);
    }

    @Test
    void fractionalSecondsKeepTheirMilliseconds() throws Exception {
        assertThat(parseJson("1702207800.25")).isEqualTo(EXPECTED + 250);
    }

    @Test
    void theMachinesTimeZoneNeverChangesTheInstant() throws Exception {
        TimeZone before = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kolkata"));
            assertThat(Timestamps.parse("2023-12-10T11:30:00Z")).isEqualTo(EXPECTED);
            assertThat(Timestamps.parse("1702207800")).isEqualTo(EXPECTED);
            assertThat(Timestamps.format(EXPECTED)).isEqualTo("2023-12-10T11:30:00Z");
        } finally {
            TimeZone.setDefault(before);
        }
    }

    @Test
    void formatShowsUtcWithAtMostMilliseconds() {
        assertThat(Timestamps.format(EXPECTED + 5)).isEqualTo("2023-12-10T11:30:00.005Z");
    }

    @Test
    void refusalsNameTheProblem() {
        assertRefused("\"\"", "empty");
        assertRefused("\"   \"", "empty");
        assertRefused("\"abc\"", "neither Unix seconds");
        assertRefused("\"12abc\"", "neither Unix seconds");
        assertRefused("\"0\"", "positive");
        assertRefused("0", "positive");
        assertRefused("\"-5\"", "positive");
        assertRefused("-1702207800", "positive");
        assertRefused("\"2023-12-10T11:30:00\"", "no UTC offset");
        assertRefused("\"2023-12-10\"", "neither Unix seconds");
        assertRefused("\"99999999999999999\"", "out of range");
        assertRefused("1e30", "out of range");
        assertRefused("1e400", "out of range");
        assertRefused("-1e400", "positive");
        assertRefused("\"+99999-01-01T00:00:00Z\"", "out of range");
        assertRefused("\"1969-12-31T23:59:59Z\"", "out of range");
        assertRefused("null", "missing");
        assertRefused("true", "string or a number");
        assertRefused("{\"t\":1}", "string or a number");
        assertRefused("[1702207800]", "string or a number");
    }

    @Test
    void aMissingTimestampIsRefused() {
        assertThatThrownBy(() -> Timestamps.parse((JsonNode) null))
                .isInstanceOf(Timestamps.InvalidTimestamp.class).hasMessageContaining("missing");
    }

    @Test
    void longValuesAreShortenedInTheReason() {
        String junk = "x".repeat(500);
        assertThatThrownBy(() -> Timestamps.parse(junk)).isInstanceOf(Timestamps.InvalidTimestamp.class)
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(200));
    }

    static void assertRefused(String json, String reasonPart) {
        assertThatThrownBy(() -> parseJson(json)).as(json)
                .isInstanceOf(Timestamps.InvalidTimestamp.class).hasMessageContaining(reasonPart);
    }
}
