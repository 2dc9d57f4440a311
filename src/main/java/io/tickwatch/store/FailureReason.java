package io.tickwatch.store;

/**
 * Failed messages sharing one error code and title (FORMATS.md §3.6 keeps the first error of each
 * message). Code and title are null for a failure reported without an error.
 *
 * @param messages    failed messages with this code and title
 * @param lastFailed  the latest provider time of those failures (epoch milliseconds)
 */
public record FailureReason(Integer errorCode, String errorTitle, long messages, long lastFailed) {
}
