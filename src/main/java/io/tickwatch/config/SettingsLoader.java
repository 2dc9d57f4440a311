package io.tickwatch.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Resolves settings with the precedence of DESIGN.md §2: flag > environment ({@code TICKWATCH_*}) >
 * config file (Java properties, keys as in {@link Setting#key()}) > default. Pure apart from reading
 * the config file, so it is tested with plain maps.
 *
 * <p>One set of rules serves two callers: {@link #load} at start-up (the first problem stops the start,
 * naming where the value came from) and {@link #check} for the settings dialog (every problem, per
 * setting, for values about to be saved in the config file).
 */
public final class SettingsLoader {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SettingsLoader.class);

    /** The config file read when none is named and it exists. */
    public static Path defaultConfigFile(Path home) {
        return home.resolve(".tickwatch").resolve("tickwatch.properties");
    }

    public static String defaultDbUrl(Path home) {
        return "jdbc:h2:file:" + home.resolve(".tickwatch").resolve("tickwatch").toAbsolutePath();
    }

    private final Map<String, String> environment;
    private final Path home;

    public SettingsLoader(Map<String, String> environment, Path home) {
        this.environment = environment;
        this.home = home;
    }

    /**
     * @param flags      values given on the command line
     * @param configFile a file named with --config (must exist), or null for the default file if present
     */
    public Settings load(boolean headless, Map<Setting, String> flags, Path configFile) throws InvalidSettings {
        Path file = configFile != null ? configFile : defaultConfigFile(home);
        Map<Setting, String> fromFile = configFile == null && !Files.exists(file) ? Map.of() : readFile(file);
        SettingsOrigin origin = origin(flags, file);
        Check check = resolve(headless, origin, fromFile, true);
        if (!check.valid()) {
            throw new InvalidSettings(check.problems().values().iterator().next());
        }
        return check.settings();
    }

    /** Which settings a flag or an environment variable fixes, and which file is the config file. */
    private SettingsOrigin origin(Map<Setting, String> flags, Path file) {
        Map<Setting, SettingsOrigin.Fixed> fixed = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            String env = blankToNull(environment.get(s.environmentVariable()));
            if (flags.get(s) != null) {
                fixed.put(s, new SettingsOrigin.Fixed(s, "--" + s.key(), flags.get(s)));
            } else if (env != null) {
                fixed.put(s, new SettingsOrigin.Fixed(s, s.environmentVariable(), env));
            }
        }
        return new SettingsOrigin(home, file, fixed);
    }

    /**
     * Checks the values a config file would hold (as the settings dialog is about to save them) against
     * the start-up rules, with the origin's flags and environment still winning. A value that is present
     * is checked as given (blank too); an absent one takes its default.
     *
     * @return every problem, one message per setting, and the settings they make when there is none
     */
    public static Check check(boolean headless, SettingsOrigin origin, Map<Setting, String> fileValues) {
        return resolve(headless, origin, fileValues, false);
    }

    /** The outcome of {@link #check}: messages per setting (in the order start-up checks them), or the settings. */
    public record Check(Map<Setting, String> problems, Settings settings) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    private static Check resolve(boolean headless, SettingsOrigin origin, Map<Setting, String> fileValues,
                                 boolean atStartUp) {
        Map<Setting, Sourced> values = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            values.put(s, pick(s, origin, fileValues, atStartUp));
        }
        Problems p = new Problems(values);
        long maxBody = p.check(Setting.MAX_BODY_BYTES, SettingsLoader::positiveLong, 1L);
        int maxItems = p.check(Setting.MAX_ITEMS_PER_REQUEST, SettingsLoader::positiveInt, 1);
        int queue = p.check(Setting.QUEUE_CAPACITY, SettingsLoader::positiveInt, 1);
        if (p.fine(Setting.MAX_ITEMS_PER_REQUEST, Setting.QUEUE_CAPACITY) && queue < maxItems) {
            p.add(Setting.QUEUE_CAPACITY, Setting.QUEUE_CAPACITY.key() + " (" + queue + ") must be at least "
                    + Setting.MAX_ITEMS_PER_REQUEST.key() + " (" + maxItems + ")");
        }
        String db = p.check(Setting.DB, v -> db(v, origin.home()), null);
        String bind = p.check(Setting.BIND, SettingsLoader::bind, null);
        int port = p.check(Setting.PORT, SettingsLoader::port, 0);
        List<Cidr> sources = p.check(Setting.ALLOWED_SOURCES, SettingsLoader::sources, List.of());
        int rateLimit = p.check(Setting.RATE_LIMIT, SettingsLoader::nonNegativeInt, 0);
        int maxConnections = p.check(Setting.MAX_CONNECTIONS, SettingsLoader::positiveInt, 1);
        int clientTimeout = p.check(Setting.CLIENT_TIMEOUT_MS, SettingsLoader::positiveInt, 1);
        int maxBatch = p.check(Setting.MAX_BATCH_ITEMS, SettingsLoader::positiveInt, 1);
        int poolSize = p.check(Setting.POOL_SIZE, SettingsLoader::positiveInt, 1);
        String webhookPath = p.check(Setting.WEBHOOK_PATH, SettingsLoader::webhookPath, null);
        boolean demo = p.check(Setting.DEMO, SettingsLoader::bool, false);
        String timeZone = p.check(Setting.TIME_ZONE, SettingsLoader::timeZone, null);
        boolean privacy = p.check(Setting.PRIVACY, SettingsLoader::bool, false);
        AlertThresholds alerts = new AlertThresholds(p.check(Setting.ALERT_DELIVERY_RATE_MIN, SettingsLoader::percent, 0.0),
                p.check(Setting.ALERT_UNDELIVERED_COUNT, SettingsLoader::nonNegativeInt, 0),
                p.check(Setting.ALERT_UNDELIVERED_MINUTES, SettingsLoader::positiveInt, 1),
                p.check(Setting.ALERT_READ_RATE_MIN, SettingsLoader::percent, 0.0),
                p.check(Setting.ALERT_DELIVERY_SECONDS_MAX, SettingsLoader::positiveNumber, 1.0),
                p.check(Setting.ALERT_WEBHOOK_ERRORS, SettingsLoader::nonNegativeInt, 0));
        if (!p.messages.isEmpty()) {
            return new Check(Collections.unmodifiableMap(p.messages), null);
        }
        return new Check(Map.of(), new Settings(headless, bind, port, db,
                values.get(Setting.APP_SECRET).value, values.get(Setting.VERIFY_TOKEN).value,
                values.get(Setting.API_TOKEN).value, values.get(Setting.WEBHOOK_TOKEN).value,
                sources, rateLimit, maxConnections, clientTimeout, maxBody, maxItems, queue, maxBatch, poolSize,
                webhookPath, values.get(Setting.DB_USER).value, values.get(Setting.DB_PASSWORD).value, demo,
                timeZone, privacy, alerts, origin));
    }

    /** Collects one message per setting instead of stopping at the first, so a form can show them all. */
    private static final class Problems {
        private final Map<Setting, Sourced> values;
        private final Map<Setting, String> messages = new LinkedHashMap<>();

        Problems(Map<Setting, Sourced> values) {
            this.values = values;
        }

        <T> T check(Setting s, Rule<T> rule, T fallback) {
            try {
                return rule.apply(values.get(s));
            } catch (InvalidSettings e) {
                add(s, e.getMessage());
                return fallback;
            }
        }

        void add(Setting s, String message) {
            messages.putIfAbsent(s, message);
        }

        boolean fine(Setting... settings) {
            for (Setting s : settings) {
                if (messages.containsKey(s)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** One setting's rule: its value, parsed, or a message naming it. */
    @FunctionalInterface
    private interface Rule<T> {
        T apply(Sourced v) throws InvalidSettings;
    }

    private static Sourced pick(Setting s, SettingsOrigin origin, Map<Setting, String> fromFile, boolean atStartUp) {
        SettingsOrigin.Fixed fixed = origin.fixed().get(s);
        if (fixed != null) {
            return new Sourced(s.key(), fixed.value(), "(from " + fixed.by() + ")");
        }
        if (atStartUp) {
            String file = blankToNull(fromFile.get(s));
            if (file != null) {
                return new Sourced(s.key(), file, "(from the config file, key " + s.key() + ")");
            }
        } else if (fromFile.containsKey(s)) {
            return new Sourced(s.key(), fromFile.get(s), ""); // the dialog shows it next to the field itself
        }
        return new Sourced(s.key(), s.defaultValue(), "(default)");
    }

    /** The H2 file or PostgreSQL database; none given means the H2 file under the user's home. */
    private static String db(Sourced v, Path home) throws InvalidSettings {
        String url = v.value == null ? defaultDbUrl(home) : v.value.trim();
        if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
            throw new InvalidSettings(v.name() + " must be a jdbc:h2:… or jdbc:postgresql:… URL");
        }
        String h2File = url.startsWith("jdbc:h2:") ? url.substring("jdbc:h2:".length()).replaceFirst("^file:", "")
                .replaceFirst(";.*$", "") : "x";
        if (h2File.isBlank()) {
            throw new InvalidSettings(v.name() + " must name the H2 file, e.g. jdbc:h2:file:/home/me/tickwatch");
        }
        return url;
    }

    /** An IP address or a host name; checked for its form only (resolving it is the server's job, not the FX thread's). */
    private static String bind(Sourced v) throws InvalidSettings {
        String bind = nonBlank(v);
        if (!bind.matches("[A-Za-z0-9._:%\\[\\]-]+")) {
            throw new InvalidSettings(v.name() + " must be an IP address or host name such as 127.0.0.1 or 0.0.0.0,"
                    + " not '" + v.value + "'");
        }
        return bind;
    }

    /** A path of letters, digits and {@code - _ . /}, starting with '/', not clashing with our own endpoints. */
    private static String webhookPath(Sourced v) throws InvalidSettings {
        String path = nonBlank(v);
        if (!path.matches("/[A-Za-z0-9._~/-]*") || path.contains("//")) {
            throw new InvalidSettings(v.name() + " must start with / and hold only letters, digits"
                    + " and - _ . ~ /, not '" + v.value + "'");
        }
        if (path.equals("/") || path.startsWith("/api") || path.equals("/health") || path.equals("/metrics")) {
            throw new InvalidSettings(v.name() + " must not be /, /health, /metrics or under /api");
        }
        return path;
    }

    private static boolean bool(Sourced v) throws InvalidSettings {
        String s = v.value == null ? "" : v.value.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new InvalidSettings(v.name() + " must be true or false, not '" + v.value + "'");
        };
    }

    /** "local", "UTC" or a region id; kept as given (normalised case for the two words). */
    private static String timeZone(Sourced v) throws InvalidSettings {
        String s = nonBlank(v);
        if (s.equalsIgnoreCase("local")) {
            return "local";
        }
        if (s.equalsIgnoreCase("utc")) {
            return "UTC";
        }
        try {
            return java.time.ZoneId.of(s).getId();
        } catch (java.time.DateTimeException e) {
            throw new InvalidSettings(v.name() + " must be local, UTC or a zone id such as"
                    + " Asia/Kolkata, not '" + v.value + "'");
        }
    }

    private static double percent(Sourced v) throws InvalidSettings {
        double d = number(v);
        if (d < 0 || d > 100) {
            throw new InvalidSettings(v.name() + " must be between 0 and 100, not " + v.value);
        }
        return d;
    }

    private static double positiveNumber(Sourced v) throws InvalidSettings {
        double d = number(v);
        if (!(d > 0)) {
            throw new InvalidSettings(v.name() + " must be positive, not " + v.value);
        }
        return d;
    }

    private static double number(Sourced v) throws InvalidSettings {
        nonBlank(v);
        try {
            double d = Double.parseDouble(v.value.trim());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InvalidSettings(v.name() + " must be a number, not '" + v.value + "'");
        }
    }

    /**
     * The settings a config file holds (keys in either spelling: {@code app-secret} or {@code APP_SECRET}).
     * Warns when it holds secrets and others may read it.
     *
     * @throws InvalidSettings when it cannot be read or holds a key that is no setting
     */
    public static Map<Setting, String> readFile(Path file) throws InvalidSettings {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new InvalidSettings("cannot read the config file " + file + ": " + e.getMessage());
        }
        for (String key : p.stringPropertyNames()) {
            Setting match = null;
            for (Setting s : Setting.values()) {
                if (s.key().equals(key.trim().replace('_', '-').toLowerCase(Locale.ROOT))) {
                    match = s;
                }
            }
            if (match == null) {
                throw new InvalidSettings("unknown key '" + key + "' in the config file " + file);
            }
            values.put(match, p.getProperty(key).trim());
        }
        if (values.keySet().stream().anyMatch(Setting::isSecret) && ConfigFile.readableByOthers(file)) {
            LOG.warn("The config file {} holds secrets but others may read it: run chmod 600 on it", file);
        }
        return values;
    }

    private static int port(Sourced v) throws InvalidSettings {
        int port = integer(v);
        if (port < 0 || port > 65_535) {
            throw new InvalidSettings(v.name() + " must be between 0 and 65535, not " + v.value);
        }
        return port;
    }

    private static int positiveInt(Sourced v) throws InvalidSettings {
        int n = integer(v);
        if (n < 1) {
            throw new InvalidSettings(v.name() + " must be positive, not " + v.value);
        }
        return n;
    }

    private static int nonNegativeInt(Sourced v) throws InvalidSettings {
        int n = integer(v);
        if (n < 0) {
            throw new InvalidSettings(v.name() + " must not be negative, not " + v.value);
        }
        return n;
    }

    /** Comma-separated IP addresses or CIDR ranges; each is checked here so a typo stops the start. */
    private static List<Cidr> sources(Sourced v) throws InvalidSettings {
        List<Cidr> result = new ArrayList<>();
        if (v.value == null) {
            return result;
        }
        for (String part : v.value.split(",")) {
            String s = part.trim();
            if (s.isEmpty()) {
                continue;
            }
            try {
                result.add(Cidr.parse(s));
            } catch (IllegalArgumentException e) {
                throw new InvalidSettings(v.name() + ": " + e.getMessage());
            }
        }
        return List.copyOf(result);
    }

    private static int integer(Sourced v) throws InvalidSettings {
        nonBlank(v);
        try {
            return Integer.parseInt(v.value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidSettings(v.name() + " must be a whole number, not '" + v.value + "'");
        }
    }

    private static long positiveLong(Sourced v) throws InvalidSettings {
        nonBlank(v);
        try {
            long n = Long.parseLong(v.value.trim());
            if (n < 1) {
                throw new InvalidSettings(v.name() + " must be positive, not " + v.value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidSettings(v.name() + " must be a whole number, not '" + v.value + "'");
        }
    }

    private static String nonBlank(Sourced v) throws InvalidSettings {
        if (v.value == null || v.value.isBlank()) {
            throw new InvalidSettings(v.name() + " must not be empty");
        }
        return v.value.trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** A value and where it came from ("" when the reader knows: a field in the settings dialog). */
    private record Sourced(String key, String value, String where) {

        /** The setting as messages name it: "port (from TICKWATCH_PORT)", or just "port". */
        String name() {
            return where.isEmpty() ? key : key + " " + where;
        }
    }
}
