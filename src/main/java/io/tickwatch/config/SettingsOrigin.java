package io.tickwatch.config;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a running Tickwatch's settings came from: the config file it reads (named with --config or the
 * default one, which may not exist yet), and the settings fixed by a flag or an environment variable,
 * which win over that file. The settings dialog needs this to say "set by TICKWATCH_PORT: a value saved in
 * the file would not apply" and to validate a candidate file exactly as the next start-up would.
 *
 * @param home the user's home: the default H2 store lives under it
 */
public record SettingsOrigin(Path home, Path configFile, Map<Setting, Fixed> fixed) {

    public SettingsOrigin {
        Map<Setting, Fixed> copy = new EnumMap<>(Setting.class);
        copy.putAll(fixed);
        fixed = java.util.Collections.unmodifiableMap(copy);
    }

    /** Nothing fixed: every value comes from the file or the default. */
    public static SettingsOrigin fileOnly(Path home, Path configFile) {
        return new SettingsOrigin(home, configFile, Map.of());
    }

    public Optional<Fixed> fixed(Setting s) {
        return Optional.ofNullable(fixed.get(s));
    }

    public boolean isFixed(Setting s) {
        return fixed.containsKey(s);
    }

    /** The fixed values, for resolving: flag or environment value per setting. */
    Map<Setting, String> fixedValues() {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        fixed.forEach((s, f) -> values.put(s, f.value()));
        return values;
    }

    @Override
    public String toString() {
        return "SettingsOrigin[configFile=" + configFile + ", fixed=" + fixed + "]";
    }

    /**
     * A value given on the command line or in the environment.
     *
     * @param by    what set it, as a person would type it: {@code --port} or {@code TICKWATCH_PORT}
     * @param value the value; never shown for a secret
     */
    public record Fixed(Setting setting, String by, String value) {

        public boolean byEnvironment() {
            return by.startsWith("TICKWATCH_");
        }

        /** Only what set it: a value may be a secret, and a URL may hold a password. */
        @Override
        public String toString() {
            return by;
        }
    }
}
