package io.tickwatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Notice payloads stay under PostgreSQL's 8000-byte limit and give back every id exactly. */
class ChangeNoticesTest {

    @Test
    void idsOfAnyShapeRoundTripInPayloadsUnderTheLimit() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add("wamid." + i + "/\"quoted\"\\,[]\n" + "é✓😀".repeat(i % 7) + "x".repeat(i % 3 == 0 ? 2000 : 5));
        }
        List<String> payloads = ChangeNotices.payloads(ids);
        assertThat(payloads).hasSizeGreaterThan(1).allSatisfy(p ->
                assertThat(p.getBytes(StandardCharsets.UTF_8).length).isLessThan(8000));
        List<String> back = new ArrayList<>();
        payloads.forEach(p -> back.addAll(ChangeNotices.ids(p)));
        assertThat(back).isEqualTo(ids);
    }
}
