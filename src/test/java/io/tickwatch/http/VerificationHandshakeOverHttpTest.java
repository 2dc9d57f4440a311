package io.tickwatch.http;

import static io.tickwatch.testing.Refusals.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.testing.RunningTickwatch;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * DESIGN.md §3: GET /webhook?hub.mode=subscribe&hub.verify_token=T&hub.challenge=C answers exactly C
 * when T matches the configured verify token, else 403.
 */
class VerificationHandshakeOverHttpTest {

    @RegisterExtension
    static final RunningTickwatch tw = RunningTickwatch.perClass(Map.of("TICKWATCH_VERIFY_TOKEN", "meatyhamhock"));

    @Test
    void theMatchingTokenGetsTheChallengeVerbatim() {
        RunningTickwatch.Reply reply = tw.get("/webhook?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=meatyhamhock");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("1158201444");
        assertThat(reply.header("Content-Type")).startsWith("text/plain");
    }

    @Test
    void aChallengeWithEncodedCharactersComesBackDecoded() {
        RunningTickwatch.Reply reply = tw.get("/webhook?hub.mode=subscribe&hub.verify_token=meatyhamhock&hub.challenge=a%20b%2Bc%26d");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("a b+c&d");
    }

    @Test
    void aWrongOrMissingTokenIs403() {
        assertRefused(tw.get("/webhook?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=wrong"), 403, "bad_verify_token");
        assertRefused(tw.get("/webhook?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=meatyhamhock2"), 403,
                "bad_verify_token");
        assertRefused(tw.get("/webhook?hub.mode=subscribe&hub.challenge=1158201444"), 403, "bad_verify_token");
    }

    @Test
    void aRequestThatIsNotASubscriptionIs403() {
        assertRefused(tw.get("/webhook"), 403, "bad_handshake");
        assertRefused(tw.get("/webhook?hub.mode=unsubscribe&hub.challenge=1&hub.verify_token=meatyhamhock"), 403, "bad_handshake");
        assertRefused(tw.get("/webhook?hub.mode=subscribe&hub.verify_token=meatyhamhock"), 403, "bad_handshake");
    }

    @Test
    void withoutAConfiguredTokenEveryHandshakeIs403(@TempDir Path otherDir) {
        try (RunningTickwatch unconfigured = RunningTickwatch.start(otherDir)) {
            assertRefused(unconfigured.get("/webhook?hub.mode=subscribe&hub.challenge=1&hub.verify_token="), 403, "no_verify_token");
            assertRefused(unconfigured.get("/webhook?hub.mode=subscribe&hub.challenge=1&hub.verify_token=anything"), 403,
                    "no_verify_token");
        }
    }
}
