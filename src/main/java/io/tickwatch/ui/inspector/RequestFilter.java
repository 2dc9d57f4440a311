package io.tickwatch.ui.inspector;

import io.tickwatch.receiver.RequestLog;
import java.util.function.Predicate;

/** Which logged requests the inspector lists: all of them, or those a person hunting a problem wants. */
public enum RequestFilter {
    ALL("All requests", e -> true),
    ERRORS("Errors (not 200)", e -> e.status() != 200),
    AUTH_REFUSED("Signature or token refused", RequestFilter::authRefused),
    WITH_REJECTED("With rejected items", e -> !e.rejected().isEmpty()),
    OK("Answered 200", e -> e.status() == 200);

    private final String label;
    private final Predicate<RequestLog.Entry> test;

    RequestFilter(String label, Predicate<RequestLog.Entry> test) {
        this.label = label;
        this.test = test;
    }

    public boolean test(RequestLog.Entry e) {
        return test.test(e);
    }

    /** The request log's verdicts for a proof that was required and absent or wrong. */
    static boolean authRefused(RequestLog.Entry e) {
        return "missing".equals(e.auth()) || "invalid".equals(e.auth());
    }

    @Override
    public String toString() {
        return label;
    }
}
