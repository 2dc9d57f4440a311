package io.tickwatch.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where a benchmark run keeps its data: a fresh H2 file or a fresh PostgreSQL database per run. */
interface Backend {

    String name();

    /** A new, empty store for one run. */
    String freshUrl(String runName) throws SQLException;

    /** Removes what {@link #freshUrl} created, where that is worth doing. */
    void drop(String runName) throws SQLException;

    static Backend h2(Path dir) {
        return new Backend() {
            @Override
            public String name() {
                return "H2";
            }

            @Override
            public String freshUrl(String runName) throws SQLException {
                Path store = dir.resolve(runName);
                try {
                    deleteTree(store); // a store left by an earlier run would be merged into this one
                } catch (IOException e) {
                    throw new SQLException("cannot clear " + store, e);
                }
                return "jdbc:h2:file:" + store.resolve("store").toAbsolutePath();
            }

            @Override
            public void drop(String runName) {
                // the files stay under target/bench for inspection until the next run; mvn clean removes them
            }
        };
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** @param adminUrl a JDBC URL of a database from which new databases can be created */
    static Backend postgresql(String adminUrl) {
        return new Backend() {
            @Override
            public String name() {
                return "PostgreSQL";
            }

            @Override
            public String freshUrl(String runName) throws SQLException {
                String db = database(runName);
                try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
                    s.execute("CREATE DATABASE " + db);
                }
                return adminUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + db + "$1");
            }

            @Override
            public void drop(String runName) throws SQLException {
                try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + database(runName) + " WITH (FORCE)");
                }
            }

            private String database(String runName) {
                return "tw_bench_" + runName.replaceAll("[^a-z0-9_]", "_");
            }
        };
    }
}
