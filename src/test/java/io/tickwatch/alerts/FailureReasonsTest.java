package io.tickwatch.alerts;

import static io.tickwatch.testing.Webhooks.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwatch.store.FailureReason;
import io.tickwatch.testing.Backend;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Failures grouped by error code and title, overall and for one phone, on H2 and PostgreSQL; and the code catalogue. */
class FailureReasonsTest {

    private static final String ONE = "919800000001";
    private static final String TWO = "919800000002";

    @TempDir
    Path dir;
    LiveStore store;

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    private String failed(String id, long secondsAgo, String phone, Integer code, String title) {
        return code == null ? status(id, "failed", store.ago(secondsAgo), phone)
                : status(id, "failed", store.ago(secondsAgo), phone,
                        "\"errors\":[{\"code\":" + code + ",\"title\":\"" + title + "\"}]");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void failuresAreGroupedByCodeAndTitleOverallAndPerPhone(Backend backend) {
        store = LiveStore.open(backend, dir);
        store.post(failed("f1", 600, ONE, 131026, "Message undeliverable"),
                failed("f2", 500, ONE, 131026, "Message undeliverable"),
                failed("f3", 400, ONE, 131047, "Re-engagement message"),
                failed("f4", 300, TWO, 131026, "Message undeliverable"),
                failed("f5", 200, TWO, null, null),
                failed("f6", 100, TWO, 131049, "This message was not delivered to maintain healthy ecosystem engagement."),
                failed("old", 3 * 86_400, TWO, 131026, "Message undeliverable"),
                status("fine", "delivered", store.ago(50), ONE));
        long dayAgo = (store.now - 86_400) * 1000;

        List<FailureReason> day = store.queries().failureReasons(dayAgo, null, 100);
        assertThat(day).containsExactly(
                new FailureReason(131026, "Message undeliverable", 3, (store.now - 300) * 1000),
                new FailureReason(131047, "Re-engagement message", 1, (store.now - 400) * 1000),
                new FailureReason(131049, "This message was not delivered to maintain healthy ecosystem engagement.", 1,
                        (store.now - 100) * 1000),
                new FailureReason(null, null, 1, (store.now - 200) * 1000));

        assertThat(store.queries().failureReasons(dayAgo, "+" + ONE, 100)).containsExactly(
                new FailureReason(131026, "Message undeliverable", 2, (store.now - 500) * 1000),
                new FailureReason(131047, "Re-engagement message", 1, (store.now - 400) * 1000));
        assertThat(store.queries().failureReasons(null, "+" + TWO, 100)).extracting(FailureReason::messages)
                .containsExactly(2L, 1L, 1L); // 131026 twice with the old one, 131049, none
        assertThat(store.queries().failureReasons(null, null, 1)).extracting(FailureReason::messages).containsExactly(4L);
        assertThat(store.queries().failureReasons(dayAgo, "+919800000009", 100)).isEmpty();
    }

    @Test
    void commonMetaCodesAreExplainedInOneLine() {
        for (int code : new int[] {131026, 131047, 131049, 131050, 130472, 131000, 131048, 131051, 131053, 470, 1013}) {
            assertThat(MetaErrorCodes.explain(code)).as("code " + code).isPresent();
            assertThat(MetaErrorCodes.explain(code).orElseThrow()).doesNotContain("\n").hasSizeLessThan(140);
        }
        assertThat(MetaErrorCodes.explain(131047).orElseThrow()).contains("24 h");
        assertThat(MetaErrorCodes.explain(131050).orElseThrow()).contains("stopped marketing");
        assertThat(MetaErrorCodes.explain(null)).isEmpty();
        assertThat(MetaErrorCodes.explain(42)).isEmpty();
    }
}
