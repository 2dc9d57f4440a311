package io.tickwatch.cli;

import io.tickwatch.store.JdbcStatusStore;
import io.tickwatch.store.StoreCopier;
import io.tickwatch.store.StoreException;
import io.tickwatch.store.StoreFactory;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tickwatch copy --from <jdbc-url> --to <jdbc-url>}: moves a store (typically a local H2 file used for
 * offline testing) into another (typically PostgreSQL), with progress on standard output. Safe to repeat.
 */
@Command(name = "copy", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Copies every message, history, request and count of one store into another, merging with "
                + "what the target already holds. Idempotent: running it again changes nothing.",
                "Stop the Tickwatch that uses an H2 source first (an H2 file belongs to one process)."})
public final class CopyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "JDBC_URL", description = "source store, e.g. jdbc:h2:file:~/.tickwatch/tickwatch")
    String from;

    @Option(names = "--to", required = true, paramLabel = "JDBC_URL", description = "target store, e.g. jdbc:postgresql://db:5432/tickwatch?user=…")
    String to;

    @Option(names = "--page", paramLabel = "ROWS", defaultValue = "1000", description = "rows per transaction (default 1000)")
    int page;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (page < 1 || page > 10_000) {
            err.println("tickwatch copy: --page must be between 1 and 10000");
            return CommandLineParser.USAGE_ERROR;
        }
        try (JdbcStatusStore source = StoreFactory.open(existingOnly(from), 2);
             JdbcStatusStore target = StoreFactory.open(to, 2)) {
            out.printf(Locale.ROOT, "Copying %s%n     into %s%n", source.describe(), target.describe());
            ProgressPrinter printer = new ProgressPrinter(out);
            StoreCopier.Summary s = new StoreCopier(source, target, page, printer::show).copy();
            out.printf(Locale.ROOT, "Done: %,d messages (%,d history rows), %,d requests, %,d rejected items, "
                    + "%,d request counts.%n", s.messages(), s.events(), s.requests(), s.rejected(), s.requestCounts());
            out.flush();
            return 0;
        } catch (StoreException e) {
            err.println("tickwatch copy: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    /** An H2 source that does not exist would be created empty and "copied" without a word: refuse instead. */
    static String existingOnly(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:file:") && !url.toUpperCase(Locale.ROOT).contains("IFEXISTS=")
                ? url + ";IFEXISTS=TRUE" : url;
    }

    /** One line per table when it starts and ends, and at most one a second in between. */
    private static final class ProgressPrinter {
        private final PrintWriter out;
        private long lastPrinted;

        ProgressPrinter(PrintWriter out) {
            this.out = out;
        }

        void show(StoreCopier.Progress p) {
            long now = System.currentTimeMillis();
            boolean edge = p.done() == 0 || p.done() >= p.total();
            if (!edge && now - lastPrinted < 1_000) {
                return;
            }
            lastPrinted = now;
            long percent = p.total() == 0 ? 100 : Math.min(100, p.done() * 100 / p.total());
            out.printf(Locale.ROOT, "  %-16s %,12d / %,d (%d%%)%n", p.table(), p.done(), p.total(), percent);
            out.flush();
        }
    }

}
