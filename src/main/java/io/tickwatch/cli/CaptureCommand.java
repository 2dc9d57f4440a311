package io.tickwatch.cli;

import io.tickwatch.config.InvalidSettings;
import io.tickwatch.config.Setting;
import io.tickwatch.config.Settings;
import io.tickwatch.config.SettingsLoader;
import io.tickwatch.demo.CaptureFile;
import io.tickwatch.demo.CapturedRequest;
import io.tickwatch.store.JdbcStatusStore;
import io.tickwatch.store.StoreException;
import io.tickwatch.store.StoreFactory;
import io.tickwatch.store.StoredRequests;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tickwatch capture --out FILE [--db URL] [--since ISO]}: writes the webhook requests a store kept (raw
 * body and receive time, oldest first) as a capture file that {@code tickwatch replay} plays back.
 */
@Command(name = "capture", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes the webhook requests stored in a Tickwatch store (raw bodies and receive times) to a "
                + "capture file, one JSON object per line: {\"at\":…,\"headers\":{…},\"body\":…}.",
                "Stop the Tickwatch that uses an H2 store first (an H2 file belongs to one process)."})
public final class CaptureCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Environment and home for the default store; set by {@link CommandLineParser}. */
    Map<String, String> environment = Map.of();
    Path home = Path.of(System.getProperty("user.home"));

    @Option(names = "--db", paramLabel = "JDBC_URL", description = "the store (default: as Tickwatch would use, TICKWATCH_DB or ~/.tickwatch/tickwatch)")
    String db;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the capture file to write (replaced)")
    Path out;

    @Option(names = "--since", paramLabel = "ISO_TIME", description = "only requests received at or after this time, e.g. 2024-05-01T10:00:00Z")
    String since;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        long sinceMillis;
        try {
            sinceMillis = since == null ? 0 : OffsetDateTime.parse(since.trim()).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            err.println("tickwatch capture: --since must be an ISO-8601 time with an offset, e.g. 2024-05-01T10:00:00Z; got '"
                    + since + "'");
            return CommandLineParser.USAGE_ERROR;
        }
        Settings settings;
        try {
            Map<Setting, String> flags = new EnumMap<>(Setting.class);
            if (db != null) {
                flags.put(Setting.DB, db);
            }
            settings = new SettingsLoader(environment, home).load(true, flags, null);
        } catch (InvalidSettings e) {
            err.println("tickwatch capture: " + e.getMessage());
            return CommandLineParser.USAGE_ERROR;
        }
        Path part = out.resolveSibling(out.getFileName() + ".part");
        long count;
        try (JdbcStatusStore store = StoreFactory.open(CopyCommand.existingOnly(settings.db()), settings.dbUser(),
                settings.dbPassword(), 2);
             Writer w = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
            Instant[] span = new Instant[2];
            count = new StoredRequests(store).forEachSince(sinceMillis, row -> {
                CapturedRequest r = new CapturedRequest(Instant.ofEpochMilli(row.receivedAt()),
                        Map.of("Content-Type", "application/json"), row.body());
                span[0] = span[0] == null ? r.at() : span[0];
                span[1] = r.at();
                try {
                    CaptureFile.write(w, r);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (count > 0) {
                stdout.printf(Locale.ROOT, "Captured %,d requests received from %s to %s%n    from %s%n", count, span[0],
                        span[1], store.describe());
            }
        } catch (StoreException e) {
            Files.deleteIfExists(part);
            err.println("tickwatch capture: " + e.getMessage());
            return 1;
        } catch (UncheckedIOException e) {
            Files.deleteIfExists(part);
            throw e.getCause();
        }
        if (count == 0) {
            Files.deleteIfExists(part);
            err.println("tickwatch capture: the store holds no webhook requests"
                    + (since == null ? "" : " received since " + since) + "; nothing written");
            return 1;
        }
        Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        stdout.println("    into " + out);
        stdout.flush();
        return 0;
    }
}
