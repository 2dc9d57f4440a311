package io.tickwatch.cli;

import io.tickwatch.config.ConfigFile;
import io.tickwatch.config.InvalidSettings;
import io.tickwatch.config.Setting;
import io.tickwatch.config.SettingsLoader;
import io.tickwatch.config.SettingsOrigin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tickwatch config set KEY VALUE}: writes a setting into the config file, owner-only. A value of
 * {@code -} is read from standard input, so that a secret never appears in {@code ps} or the shell history.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = {"Sets a setting in the config file (created owner-only, rw-------, replaced atomically).",
                "Use - as the value to read it from standard input (for secrets)."})
public final class ConfigCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Where the default config file lives; set by {@link CommandLineParser} (the user's home in real use). */
    Path home = Path.of(System.getProperty("user.home"));

    @Parameters(index = "0", paramLabel = "set", description = "the action (only 'set' for now)")
    String action;

    @Parameters(index = "1", paramLabel = "KEY", description = "a setting key, e.g. app-secret, port, db")
    String key;

    @Parameters(index = "2", paramLabel = "VALUE", description = "the value, or - to read it from standard input")
    String value;

    @Option(names = "--config", paramLabel = "FILE", description = "the file to write (default ~/.tickwatch/tickwatch.properties)")
    Path file;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!"set".equals(action)) {
            err.println("tickwatch config: unknown action '" + action + "'; use: config set KEY VALUE");
            return CommandLineParser.USAGE_ERROR;
        }
        Setting setting = Arrays.stream(Setting.values())
                .filter(s -> s.key().equals(key.trim().replace('_', '-').toLowerCase(Locale.ROOT)))
                .findFirst().orElse(null);
        if (setting == null) {
            err.println("tickwatch config: unknown key '" + key + "'; known keys: "
                    + Arrays.stream(Setting.values()).map(Setting::key).collect(Collectors.joining(", ")));
            return CommandLineParser.USAGE_ERROR;
        }
        String v = "-".equals(value) ? readStandardInput() : value;
        if (v == null || v.isBlank()) {
            err.println("tickwatch config: the value for " + setting.key() + " is empty");
            return CommandLineParser.USAGE_ERROR;
        }
        Path target = file != null ? file : SettingsLoader.defaultConfigFile(home);
        String problem = problemWith(target, setting, v.trim());
        if (problem != null) {
            err.println("tickwatch config: " + problem + "; nothing written");
            return CommandLineParser.USAGE_ERROR;
        }
        ConfigFile.set(target, setting, v.trim());
        out.println("Set " + setting.key() + (setting.isSecret() ? " (secret, not shown)" : " = " + v.trim())
                + " in " + target);
        out.flush();
        return 0;
    }

    /** The start-up rules (the same the settings dialog uses) applied to the file as it would be. */
    private String problemWith(Path target, Setting setting, String value) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        try {
            if (Files.exists(target)) {
                values.putAll(SettingsLoader.readFile(target));
            }
        } catch (InvalidSettings e) {
            return e.getMessage();
        }
        values.put(setting, value);
        return SettingsLoader.check(true, SettingsOrigin.fileOnly(home, target), values).problems().get(setting);
    }

    private static String readStandardInput() throws IOException {
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
}
