package io.tickwatch.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket on its own, with a clock the test moves: exact counts, no timing luck. */
class SourceRateLimitTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final SourceRateLimit limit = new SourceRateLimit(5, 10, nanos::get, null, null);

    @Test
    void aBurstPassesUpToTheBucketSizeThenRefillsAtTheRate() throws Exception {
        InetAddress a = InetAddress.getByName("203.0.113.7");
        int passed = 0;
        for (int i = 0; i < 25; i++) {
            passed += limit.tryTake(a) ? 1 : 0;
        }
        assertThat(passed).isEqualTo(10);
        nanos.addAndGet(1_000_000_000L); // one second: five more
        passed = 0;
        for (int i = 0; i < 25; i++) {
            passed += limit.tryTake(a) ? 1 : 0;
        }
        assertThat(passed).isEqualTo(5);
    }

    @Test
    void eachSourceHasItsOwnBucket() throws Exception {
        InetAddress a = InetAddress.getByName("203.0.113.7");
        InetAddress b = InetAddress.getByName("2001:db8::1");
        for (int i = 0; i < 10; i++) {
            assertThat(limit.tryTake(a)).isTrue();
        }
        assertThat(limit.tryTake(a)).isFalse();
        assertThat(limit.tryTake(b)).isTrue();
    }

    @Test
    void idleSourcesAreForgottenSoTheMapStaysSmall() throws Exception {
        for (int i = 0; i < 5000; i++) {
            limit.tryTake(InetAddress.getByAddress(new byte[] {10, 0, (byte) (i >> 8), (byte) i}));
        }
        nanos.addAndGet(10_000_000_000L); // every bucket is full again
        for (int i = 0; i < 5000; i++) {
            limit.tryTake(InetAddress.getByName("198.51.100.1"));
        }
        assertThat(limit.trackedSources()).isLessThan(5000);
    }
}
