package io.tickwatch.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Capture files round-trip bodies exactly, and a bad line is refused with its number and what is wrong. */
class CaptureFileTest {

    private static final String GOOD = "{\"at\":\"2024-05-01T10:15:30Z\",\"headers\":{\"Content-Type\":\"application/json\"},\"body\":\"{}\"}";

    private static List<CapturedRequest> read(String text) throws Exception {
        return CaptureFile.read(new BufferedReader(new StringReader(text)), "capture.jsonl");
    }

    @Test
    void aWrittenRequestReadsBackByteForByteWhateverItsBodyHolds() throws Exception {
        String body = "{\"statuses\":[{\"id\":\"wamid.\\u00e9 \\\"x\\\"\",\"status\":\"read\"}],\n\"note\":\"é ✓ \\\\ \u2028\"}";
        CapturedRequest r = new CapturedRequest(Instant.parse("2024-05-01T10:15:30.123Z"),
                Map.of("Content-Type", "application/json", "X-Custom", "1"), body);
        StringWriter out = new StringWriter();
        CaptureFile.write(out, r);
        CaptureFile.write(out, r);
        assertThat(out.toString().split("\n")).hasSize(2); // one line each, newlines in bodies escaped
        assertThat(read(out.toString())).containsExactly(r, r);
    }

    @Test
    void blankLinesAreSkippedAndTimesWithAnOffsetAreAccepted() throws Exception {
        List<CapturedRequest> rs = read("\n" + GOOD + "\n\n{\"at\":\"2024-05-01T15:45:31+05:30\",\"body\":\"{}\"}\n");
        assertThat(rs).hasSize(2);
        assertThat(rs.get(1).at()).isEqualTo(Instant.parse("2024-05-01T10:15:31Z"));
        assertThat(rs.get(1).headers()).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"at\":\"2024-05-01T10:15:30Z\",\"body\":    | line 3: not JSON",
            "[1,2]                                      | line 3: expected a JSON object",
            "{\"body\":\"{}\"}                          | line 3: \"at\" is missing",
            "{\"at\":1714558530,\"body\":\"{}\"}        | line 3: \"at\" must be an ISO-8601 time as a string",
            "{\"at\":\"yesterday\",\"body\":\"{}\"}     | line 3: \"at\" is not an ISO-8601 time with an offset: \"yesterday\"",
            "{\"at\":\"2024-05-01T10:15:30\",\"body\":\"{}\"} | line 3: \"at\" is not an ISO-8601 time with an offset",
            "{\"at\":\"2024-05-01T10:15:30Z\"}          | line 3: \"body\" must be a string",
            "{\"at\":\"2024-05-01T10:15:30Z\",\"body\":{\"statuses\":[]}} | line 3: \"body\" must be a string",
            "{\"at\":\"2024-05-01T10:15:30Z\",\"headers\":[],\"body\":\"{}\"} | line 3: \"headers\" must be an object",
            "{\"at\":\"2024-05-01T10:15:30Z\",\"headers\":{\"X\":1},\"body\":\"{}\"} | line 3: header \"X\" must have a string value",
            "{\"at\":\"2024-05-01T10:15:30Z\",\"body\":\"{}\"} trailing | line 3: not JSON"})
    void aBadLineIsNamedWithWhatIsWrong(String badLine, String expected) {
        assertThatThrownBy(() -> read(GOOD + "\n\n" + badLine.trim() + "\n" + GOOD))
                .isInstanceOf(BadCaptureFile.class)
                .hasMessageStartingWith("capture.jsonl: ")
                .hasMessageContaining(expected);
    }

    @Test
    void aFileWithoutRequestsIsRefused() {
        assertThatThrownBy(() -> read("\n  \n")).isInstanceOf(BadCaptureFile.class).hasMessageContaining("holds no requests");
    }
}
