package io.tickwatch.testing;

import java.nio.file.Path;

/** The two store engines; contract tests run once per constant (@EnumSource). */
public enum Backend {
    H2 {
        @Override
        public TestDatabase create(Path tempDir) {
            String url = "jdbc:h2:file:" + tempDir.resolve("store").toAbsolutePath();
            return new TestDatabase("h2", url, () -> { });
        }
    },
    POSTGRESQL {
        @Override
        public TestDatabase create(Path tempDir) {
            return PostgresServer.createDatabase();
        }
    };

    /** A fresh, empty database for one test (skips or fails the test when PostgreSQL is missing). */
    public abstract TestDatabase create(Path tempDir);
}
