package io.tickwatch.ui.failures;

import io.tickwatch.alerts.MetaErrorCodes;
import io.tickwatch.store.FailureReason;

/** One line of the failures table: a group of failures, its share of all shown, and what its code means. */
public record FailureRow(FailureReason reason, double share, String explanation) {

    static FailureRow of(FailureReason reason, long total) {
        String explanation = reason.errorCode() == null
                ? "Failed without an error code (the provider sent none)"
                : MetaErrorCodes.explain(reason.errorCode())
                        .orElse("Not one of the common codes: see Meta's error-code reference");
        return new FailureRow(reason, total == 0 ? 0 : (double) reason.messages() / total, explanation);
    }
}
