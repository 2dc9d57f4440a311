package io.tickwatch.ui.inspector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwatch.testing.ShellCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A copied curl line is one correct POSIX shell command: a real {@code /bin/sh} parses it, with
 * {@code curl} replaced by a function that prints its arguments, and gets back the body byte for byte.
 */
class CurlCommandTest {

    private static List<String> argumentsOf(String command) throws IOException, InterruptedException {
        return ShellCommand.argumentsOf("curl", command);
    }

    @Test
    void theShellGetsTheUrlTheContentTypeAndTheBodyUnchanged() throws Exception {
        String body = "{\"statuses\":[{\"id\":\"it's $HOME `id` \\\"q\\\" ' '' \\\\ é中🙂\",\n\t\"x\":\"!$(rm -rf /)\"}]}\r\n";
        String command = CurlCommand.of("http://127.0.0.1:8080/webhook", "application/json; charset=utf-8", body,
                CurlCommand.Proof.NONE);
        assertThat(argumentsOf(command)).containsExactly("-sS", "-X", "POST", "http://127.0.0.1:8080/webhook",
                "-H", "Content-Type: application/json; charset=utf-8", "--data-binary", body);
    }

    @Test
    void aReceiverThatChecksProofGetsAPlaceholderNeverASecret() throws Exception {
        assertThat(argumentsOf(CurlCommand.of("http://h/webhook", null, "{}", CurlCommand.Proof.SIGNATURE)))
                .containsExactly("-sS", "-X", "POST", "http://h/webhook", "-H", "Content-Type: application/json",
                        "-H", "X-Hub-Signature-256: " + CurlCommand.SIGNATURE_PLACEHOLDER, "--data-binary", "{}");
        assertThat(argumentsOf(CurlCommand.of("http://h/webhook", "text/plain", "", CurlCommand.Proof.TOKEN)))
                .containsExactly("-sS", "-X", "POST", "http://h/webhook", "-H", "Content-Type: text/plain",
                        "-H", "X-Tickwatch-Token: " + CurlCommand.TOKEN_PLACEHOLDER, "--data-binary", "");
    }

    @Test
    void aBodyWithANulCannotBeACommandLine() {
        assertThatThrownBy(() -> CurlCommand.of("http://h/webhook", null, "{\"a\":\"\0\"}", CurlCommand.Proof.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NUL");
    }

    @Test
    void replaysAreSignedLikeMetaSignsThem() {
        // HMAC-SHA256("It's a Secret to Everybody", "Hello, World!") from GitHub's webhook documentation
        assertThat(RequestReplay.hmacSha256("It's a Secret to Everybody", "Hello, World!".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
    }
}
