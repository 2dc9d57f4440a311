package io.tickwatch.testing;

/** A database that exists for one test: H2 in a temporary folder or a fresh PostgreSQL database. */
public final class TestDatabase implements AutoCloseable {

    private final String name;
    private final String jdbcUrl;
    private final Runnable drop;

    TestDatabase(String name, String jdbcUrl, Runnable drop) {
        this.name = name;
        this.jdbcUrl = jdbcUrl;
        this.drop = drop;
    }

    public String name() {
        return name;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    @Override
    public void close() {
        drop.run();
    }
}
