package io.tickwatch.store;

/**
 * Told after each commit, on the writer thread: keep it short and never block. The live model
 * uses it to keep aggregates without querying.
 */
@FunctionalInterface
public interface CommitListener {
    void committed(WriteBatch batch);
}
