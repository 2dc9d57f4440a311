package io.tickwatch.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.tickwatch.ingest.Phones;
import io.tickwatch.ingest.StatusValidator;
import io.tickwatch.ingest.Timestamps;
import io.tickwatch.model.StatusEvent;
import io.tickwatch.receiver.formats.FormatDetector;
import io.tickwatch.receiver.formats.MalformedWebhook;
import io.tickwatch.receiver.formats.ParsedWebhook;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Jazzer fuzz tests of everything that reads untrusted bytes. In {@code mvn test} they replay the saved
 * inputs under {@code src/test/resources/io/tickwatch/receiver/ParsingFuzzTestInputs/}; with
 * {@code JAZZER_FUZZ=1} they fuzz (see the README). Each states what must hold for ANY input: only the
 * refusals we designed, never another exception, and accepted output that obeys our invariants.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES) // fuzzing runs for minutes; the suite default is 2 minutes
class ParsingFuzzTest {

    private final BodyReader bodies = new BodyReader();
    private final FormatDetector formats = FormatDetector.standard();
    private final StatusValidator validator = new StatusValidator();

    @FuzzTest(maxDuration = "5m")
    void webhookBodies(byte[] body) {
        ParsedWebhook parsed;
        try {
            parsed = formats.parse(bodies.read(body));
        } catch (BodyReader.Refused e) {
            assertThat(e.status).isIn(400, 415);
            return;
        } catch (MalformedWebhook e) {
            assertThat(e.getMessage()).isNotBlank();
            return;
        }
        StatusValidator.Result result = validator.validate(parsed.items(), 1_700_000_000_000L);
        assertThat(result.accepted().size() + result.rejected().size()).isEqualTo(parsed.items().size());
        for (StatusEvent e : result.accepted()) {
            assertThat(e.messageId()).isNotBlank().doesNotContain("\0");
            assertThat(e.messageId().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048);
            assertThat(e.status()).isNotBlank().isLowerCase();
            assertThat(e.atMillis()).isPositive();
            if (e.phone() != null) {
                assertThat(e.phone()).matches("\\+[0-9]{1,20}");
            }
        }
    }

    @FuzzTest(maxDuration = "1m")
    void timestamps(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            long millis = Timestamps.parse(text);
            assertThat(millis).isPositive();
            assertThat(Timestamps.format(millis)).endsWith("Z");
        } catch (Timestamps.InvalidTimestamp e) {
            assertThat(e.getMessage()).startsWith("timestamp");
        }
    }

    @FuzzTest(maxDuration = "1m")
    void phones(FuzzedDataProvider data) {
        String phone = Phones.normalise(data.consumeRemainingAsString());
        if (phone != null) {
            assertThat(phone).matches("\\+[0-9]{1,20}");
        }
    }

    @FuzzTest(maxDuration = "1m")
    void pathIds(FuzzedDataProvider data) {
        String raw = data.consumeRemainingAsAsciiString();
        try {
            String id = PathIds.decode(raw);
            assertThat(id).isNotNull();
        } catch (BadRequest e) {
            assertThat(e.code()).isEqualTo("invalid_id");
        }
    }

    @FuzzTest(maxDuration = "1m")
    void signatures(FuzzedDataProvider data) {
        String secret = data.consumeString(40);
        if (secret.isEmpty()) {
            return; // settings never pass an empty secret: blank values count as unset
        }
        SignatureVerifier verifier = new SignatureVerifier(secret);
        String header = data.consumeString(100);
        byte[] body = data.consumeRemainingAsBytes();
        boolean valid = verifier.verify(body, header);
        String right = "sha256=" + java.util.HexFormat.of().formatHex(verifier.sign(body));
        assertThat(verifier.verify(body, right)).isTrue();
        if (valid) {
            assertThat(header.trim().toLowerCase(java.util.Locale.ROOT)).isEqualTo(right);
        }
    }
}
