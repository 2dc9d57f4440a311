package io.tickwatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Request ids are RFC 9562 version-7 UUIDs: unique, and ordered by time as both databases compare them. */
class RequestIdsTest {

    @Test
    void idsAreVersion7WithTheirMillisecondFirst() {
        long at = 1_702_207_800_123L;
        UUID id = RequestIds.at(at);
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at);
    }

    @Test
    void laterIdsSortAfterEarlierOnesAndNoneRepeat() {
        Set<UUID> seen = new HashSet<>();
        UUID previous = null;
        for (long ms = 1_702_207_800_000L; ms < 1_702_207_800_000L + 5_000; ms++) {
            UUID id = RequestIds.at(ms);
            assertThat(seen.add(id)).isTrue();
            if (previous != null) {
                // unsigned, as H2 and PostgreSQL order UUIDs (by their bytes)
                assertThat(Long.compareUnsigned(id.getMostSignificantBits(), previous.getMostSignificantBits()))
                        .isPositive();
            }
            previous = id;
        }
    }
}
