package io.tickwatch.store;

/** Sortable columns of the phones table; each is a fixed SQL expression over the per-phone subquery. */
public enum PhoneColumn {
    PHONE("p.phone"),
    MESSAGES("p.messages"),
    DELIVERED("p.delivered"),
    READ("p.read_count"),
    READ_RATE("CASE WHEN p.delivered = 0 THEN NULL ELSE CAST(p.read_count AS DOUBLE PRECISION) / p.delivered END"),
    MEDIAN_READ_DELAY("p.median_read"),
    LAST_ACTIVITY("p.last_activity");

    final String expression;

    PhoneColumn(String expression) {
        this.expression = expression;
    }
}
