package io.tickwatch.cli;

import io.tickwatch.Version;
import io.tickwatch.config.Setting;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Option;

/** The command line of DESIGN.md §2, declared for picocli. Secrets are not flags: they would show in ps. */
@Command(name = "tickwatch", mixinStandardHelpOptions = true, versionProvider = CommandLineOptions.VersionInfo.class,
        sortOptions = false, subcommands = {CopyCommand.class, ConfigCommand.class, CaptureCommand.class, ReplayCommand.class},
        description = "Watches WhatsApp delivery receipts: receives status webhooks, merges them per message "
                + "into a store, and shows live funnels.",
        footerHeading = "%nEnvironment and config file:%n",
        footer = {"  Every setting can also come from TICKWATCH_<NAME> (e.g. TICKWATCH_APP_SECRET, TICKWATCH_VERIFY_TOKEN,",
                "  TICKWATCH_API_TOKEN, TICKWATCH_DB, TICKWATCH_PORT) or a properties file (--config, default",
                "  ~/.tickwatch/tickwatch.properties, keys like app-secret). Precedence: flag > environment > file > default."})
public final class CommandLineOptions {

    @Option(names = "--headless", description = "run only the receiver and the store, no window")
    boolean headless;

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port (default 8080; 0 picks a free port)")
    String port;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "listen address (default 127.0.0.1)")
    String bind;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "store: jdbc:h2:file:… or jdbc:postgresql://… (default: H2 file ~/.tickwatch/tickwatch)")
    String db;

    @Option(names = "--demo", description = "start demo traffic to this receiver (simulated provider webhooks)")
    boolean demo;

    @Option(names = "--config", paramLabel = "FILE", description = "properties file with settings")
    Path config;

    public boolean headless() {
        return headless;
    }

    public Path config() {
        return config;
    }

    public Map<Setting, String> flags() {
        Map<Setting, String> flags = new EnumMap<>(Setting.class);
        putIfSet(flags, Setting.PORT, port);
        putIfSet(flags, Setting.BIND, bind);
        putIfSet(flags, Setting.DB, db);
        if (demo) {
            flags.put(Setting.DEMO, "true");
        }
        return flags;
    }

    private static void putIfSet(Map<Setting, String> flags, Setting s, String value) {
        if (value != null) {
            flags.put(s, value);
        }
    }

    /** picocli's --version. */
    public static final class VersionInfo implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"tickwatch " + Version.current()};
        }
    }
}
