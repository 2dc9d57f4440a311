package io.tickwatch.store;

/**
 * One row of the phones table.
 *
 * @param medianReadDelay median of read − delivered in millis, null while nothing was read
 * @param lastActivity    latest server receipt of any status of this phone's messages; read from the maintained
 *                        totals, also of a message an earlier observation has since moved to another phone
 */
public record PhoneRow(String phone, long messages, long delivered, long read, Long medianReadDelay,
                       long lastActivity) {

    /** read / delivered, or null while nothing was delivered. */
    public Double readRate() {
        return delivered == 0 ? null : (double) read / delivered;
    }
}
