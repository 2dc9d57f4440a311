package io.tickwatch.store;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The merge rules of FORMATS.md §3 as SQL, written once for both engines: the SET clauses combine the
 * stored row ({@code o}) with the incoming folded row ({@code n}) exactly as
 * {@link io.tickwatch.model.MessageMerge#merge} does. Because the merge happens inside the statement,
 * concurrent writers converge to the same state whatever the order of their commits. The live writer
 * uses the messages rules on PostgreSQL only; on H2 it merges in Java ({@link MessageUpsert}), and the
 * H2 form of the statement remains for writing rows around the writer (tests).
 */
final class MergeSql {

    static final List<String> MESSAGE_COLUMNS = List.of("id", "phone", "phone_at", "sent_at", "delivered_at",
            "delivered_real", "read_at", "failed_at", "error_code", "error_title", "error_at", "status_rank",
            "first_at", "first_received", "last_received");

    static final List<String> MESSAGE_TYPES = List.of("VARCHAR", "VARCHAR(24)", "BIGINT", "BIGINT", "BIGINT",
            "BOOLEAN", "BIGINT", "BIGINT", "INTEGER", "VARCHAR(1024)", "BIGINT", "SMALLINT",
            "BIGINT", "BIGINT", "BIGINT");

    static final List<String> EVENT_COLUMNS = List.of("message_id", "status", "observed_at", "received_at", "seen",
            "request_id");

    static final List<String> EVENT_TYPES = List.of("VARCHAR", "VARCHAR(64)", "BIGINT", "BIGINT", "INTEGER", "UUID");

    private MergeSql() {
    }

    /**
     * SET clauses for messages; {@code o} names the stored row, {@code n} the incoming one.
     *
     * @param binary appended to both sides of a string tie-break so the engine orders strings as
     *               {@link String#compareTo} does (PostgreSQL: {@code COLLATE "C"}; a database's
     *               linguistic collation would put "a" before "B" and make writers disagree with Java)
     */
    static String messageAssignments(String o, String n, String binary) {
        String phoneWins = n + ".phone IS NOT NULL AND (" + o + ".phone IS NULL OR " + n + ".phone_at < " + o
                + ".phone_at OR (" + n + ".phone_at = " + o + ".phone_at AND " + n + ".phone" + binary + " < " + o
                + ".phone" + binary + "))";
        // Same order as MessageMerge: earlier error, then smaller code, then smaller title; a missing value
        // after any present one (no stand-in value that a real code or title could tie with).
        String codeFirst = nullsLastLess(n + ".error_code", o + ".error_code");
        String sameCode = n + ".error_code IS NOT DISTINCT FROM " + o + ".error_code";
        String titleFirst = nullsLastLess(n + ".error_title" + binary, o + ".error_title" + binary);
        String errorWins = n + ".error_at IS NOT NULL AND (" + o + ".error_at IS NULL OR " + n + ".error_at < " + o
                + ".error_at OR (" + n + ".error_at = " + o + ".error_at AND (" + codeFirst + " OR (" + sameCode
                + " AND " + titleFirst + "))))";
        return String.join(",\n ",
                pick("phone", phoneWins, o, n), pick("phone_at", phoneWins, o, n),
                earliest("sent_at", o, n), earliest("delivered_at", o, n),
                "delivered_real = " + o + ".delivered_real OR " + n + ".delivered_real",
                earliest("read_at", o, n), earliest("failed_at", o, n),
                pick("error_code", errorWins, o, n), pick("error_title", errorWins, o, n),
                pick("error_at", errorWins, o, n),
                "status_rank = GREATEST(" + o + ".status_rank, " + n + ".status_rank)",
                "first_at = LEAST(" + o + ".first_at, " + n + ".first_at)",
                "first_received = LEAST(" + o + ".first_received, " + n + ".first_received)",
                "last_received = GREATEST(" + o + ".last_received, " + n + ".last_received)");
    }

    /** SET clauses for the history: repeats add up, the first receipt and its request stay. */
    static String eventAssignments(String o, String n) {
        return "seen = " + o + ".seen + " + n + ".seen,\n "
                + "request_id = CASE WHEN " + n + ".received_at < " + o + ".received_at THEN " + n + ".request_id ELSE "
                + o + ".request_id END,\n "
                + "received_at = LEAST(" + o + ".received_at, " + n + ".received_at)";
    }

    /** {@code a} sorts before {@code b} when null sorts last: true only if a is present and b is missing or larger. */
    private static String nullsLastLess(String a, String b) {
        return "(" + a + " IS NOT NULL AND (" + b + " IS NULL OR " + a + " < " + b + "))";
    }

    /**
     * SET clauses for copying a history from another store: like {@link #eventAssignments} except that
     * repeats take the larger count instead of adding up, so copying the same rows twice changes nothing.
     */
    static String eventCopyAssignments(String o, String n) {
        return "seen = GREATEST(" + o + ".seen, " + n + ".seen),\n "
                + "request_id = CASE WHEN " + n + ".received_at < " + o + ".received_at THEN " + n + ".request_id ELSE "
                + o + ".request_id END,\n "
                + "received_at = LEAST(" + o + ".received_at, " + n + ".received_at)";
    }

    /** Earliest non-null time: H2's LEAST yields NULL when any argument is NULL, so COALESCE both sides. */
    private static String earliest(String column, String o, String n) {
        return column + " = LEAST(COALESCE(" + o + "." + column + ", " + n + "." + column + "), COALESCE(" + n + "."
                + column + ", " + o + "." + column + "))";
    }

    private static String pick(String column, String newWins, String o, String n) {
        return column + " = CASE WHEN " + newWins + " THEN " + n + "." + column + " ELSE " + o + "." + column + " END";
    }

    static String columns(List<String> columns) {
        return String.join(", ", columns);
    }

    static String prefixed(String alias, List<String> columns) {
        return columns.stream().map(c -> alias + "." + c).collect(Collectors.joining(", "));
    }

    static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    static String typedPlaceholders(List<String> types) {
        return types.stream().map(t -> "CAST(? AS " + t + ")").collect(Collectors.joining(", "));
    }
}
