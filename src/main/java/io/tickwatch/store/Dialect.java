package io.tickwatch.store;

import static io.tickwatch.store.MergeSql.EVENT_COLUMNS;
import static io.tickwatch.store.MergeSql.EVENT_TYPES;
import static io.tickwatch.store.MergeSql.MESSAGE_COLUMNS;
import static io.tickwatch.store.MergeSql.MESSAGE_TYPES;
import static io.tickwatch.store.MergeSql.columns;
import static io.tickwatch.store.MergeSql.placeholders;
import static io.tickwatch.store.MergeSql.prefixed;
import static io.tickwatch.store.MergeSql.typedPlaceholders;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What differs between the two engines: the upsert statement (H2 has standard MERGE but no
 * ON CONFLICT … DO UPDATE; PostgreSQL's MERGE is not safe against concurrent inserts, ON CONFLICT is).
 * The merge expressions themselves are shared ({@link MergeSql}).
 */
enum Dialect {
    H2 {
        @Override
        String upsert(String table, String alias, List<String> cols, List<String> types, String key, String set) {
            String on = List.of(key.split(",\\s*")).stream().map(k -> alias + "." + k + " = n." + k)
                    .reduce((a, b) -> a + " AND " + b).orElseThrow();
            return "MERGE INTO " + table + " " + alias + " USING (VALUES (" + typedPlaceholders(types) + ")) AS n("
                    + columns(cols) + ") ON " + on + "\nWHEN MATCHED THEN UPDATE SET " + set
                    + "\nWHEN NOT MATCHED THEN INSERT (" + columns(cols) + ") VALUES (" + prefixed("n", cols) + ")";
        }

        @Override
        String newRowAlias() {
            return "n";
        }

        @Override
        String binaryCollation() {
            return ""; // H2 compares VARCHAR with String.compareTo unless a collation is set
        }
    },
    POSTGRESQL {
        @Override
        String upsert(String table, String alias, List<String> cols, List<String> types, String key, String set) {
            return "INSERT INTO " + table + " AS " + alias + " (" + columns(cols) + ") VALUES ("
                    + placeholders(cols.size()) + ")\nON CONFLICT (" + key + ") DO UPDATE SET " + set;
        }

        @Override
        String newRowAlias() {
            return "EXCLUDED";
        }

        @Override
        String binaryCollation() {
            // UTF-8 byte order: equals String.compareTo for every character outside the surrogate range
            return " COLLATE \"C\"";
        }
    };

    abstract String upsert(String table, String alias, List<String> cols, List<String> types, String key, String set);

    /** How the incoming row is named inside the upsert's SET clause. */
    abstract String newRowAlias();

    /** The vendor folder under sql/ holding this engine's own migrations. */
    String migrationFolder() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Appended to a string expression to compare it as Java does, whatever the database's collation. */
    abstract String binaryCollation();

    String upsertMessages() {
        return upsert("messages", "m", MESSAGE_COLUMNS, MESSAGE_TYPES, "id",
                MergeSql.messageAssignments("m", newRowAlias(), binaryCollation()));
    }

    String upsertEvents() {
        return upsert("status_events", "e", EVENT_COLUMNS, EVENT_TYPES, "message_id, status, observed_at",
                MergeSql.eventAssignments("e", newRowAlias()));
    }

    String upsertRequestCounts() {
        return upsert("request_counts", "c", List.of("minute_start", "outcome", "requests"),
                List.of("BIGINT", "VARCHAR(16)", "BIGINT"), "minute_start, outcome",
                "requests = c.requests + " + newRowAlias() + ".requests");
    }

    /** Inserts the row unless its key exists; both engines take a key of one or more columns. */
    String insertIfAbsent(String table, List<String> cols, List<String> types, String key) {
        if (this == H2) {
            String on = List.of(key.split(",\\s*")).stream().map(k -> "t." + k + " = n." + k)
                    .reduce((a, b) -> a + " AND " + b).orElseThrow();
            return "MERGE INTO " + table + " t USING (VALUES (" + typedPlaceholders(types) + ")) AS n(" + columns(cols)
                    + ") ON " + on + "\nWHEN NOT MATCHED THEN INSERT (" + columns(cols) + ") VALUES ("
                    + prefixed("n", cols) + ")";
        }
        return "INSERT INTO " + table + " (" + columns(cols) + ") VALUES (" + placeholders(cols.size())
                + ") ON CONFLICT (" + key + ") DO NOTHING";
    }

    /** Copying a history: like {@link #upsertEvents()}, but idempotent (repeat counts do not add up). */
    String copyEvents() {
        return upsert("status_events", "e", EVENT_COLUMNS, EVENT_TYPES, "message_id, status, observed_at",
                MergeSql.eventCopyAssignments("e", newRowAlias()));
    }

    /** Copying request counts: the larger count of a minute wins, so a second copy changes nothing. */
    String copyRequestCounts() {
        return upsert("request_counts", "c", List.of("minute_start", "outcome", "requests"),
                List.of("BIGINT", "VARCHAR(16)", "BIGINT"), "minute_start, outcome",
                "requests = GREATEST(c.requests, " + newRowAlias() + ".requests)");
    }

    /**
     * A statement text for every engine, built once: the write path runs its statements per batch, and
     * building them per batch (string formatting of dozens of columns) was measurable at small batches.
     */
    static Map<Dialect, String> once(Function<Dialect, String> sql) {
        Map<Dialect, String> texts = new EnumMap<>(Dialect.class);
        for (Dialect d : values()) {
            texts.put(d, sql.apply(d));
        }
        return java.util.Collections.unmodifiableMap(texts);
    }

    static Dialect of(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database URL (use jdbc:h2:… or jdbc:postgresql:…): "
                + JdbcUrls.redact(jdbcUrl));
    }
}
