package io.tickwatch.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * Resolves settings with the precedence of DESIGN.md §2: flag > environment ({@code TICKWATCH_*}) >
 * config file (Java properties, keys as in {@link Setting#key()}) > default. Pure apart from reading
 * the config file, so it is tested with plain maps.
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
        Map<Setting, String> fromFile = readFile(configFile);
        Map<Setting, Sourced> values = new EnumMap<>(Setting.class);
        for (Setting s : Setting.values()) {
            values.put(s, pick(s, flags, fromFile));
        }
        long maxBody = positiveLong(values.get(Setting.MAX_BODY_BYTES));
        int maxItems = positiveInt(values.get(Setting.MAX_ITEMS_PER_REQUEST));
        int queue = positiveInt(values.get(Setting.QUEUE_CAPACITY));
        if (queue < maxItems) {
            throw new InvalidSettings(Setting.QUEUE_CAPACITY.key() + " (" + queue + ") must be at least "
                    + Setting.MAX_ITEMS_PER_REQUEST.key() + " (" + maxItems + ")");
        }
        Sourced db = values.get(Setting.DB);
        String dbUrl = db.value == null ? defaultDbUrl(home) : db.value;
        if (!dbUrl.startsWith("jdbc:h2:") && !dbUrl.startsWith("jdbc:postgresql:")) {
            throw new InvalidSettings("db " + db.where + " must be a jdbc:h2:… or jdbc:postgresql:… URL");
        }
        return new Settings(headless, nonBlank(values.get(Setting.BIND)), port(values.get(Setting.PORT)), dbUrl,
                values.get(Setting.APP_SECRET).value, values.get(Setting.VERIFY_TOKEN).value,
                values.get(Setting.API_TOKEN).value, values.get(Setting.WEBHOOK_TOKEN).value,
                sources(values.get(Setting.ALLOWED_SOURCES)), nonNegativeInt(values.get(Setting.RATE_LIMIT)),
                positiveInt(values.get(Setting.MAX_CONNECTIONS)), positiveInt(values.get(Setting.CLIENT_TIMEOUT_MS)),
                maxBody, maxItems, queue,
                positiveInt(values.get(Setting.MAX_BATCH_ITEMS)), positiveInt(values.get(Setting.POOL_SIZE)),
                webhookPath(values.get(Setting.WEBHOOK_PATH)), values.get(Setting.DB_USER).value,
                values.get(Setting.DB_PASSWORD).value, bool(values.get(Setting.DEMO)),
                timeZone(values.get(Setting.TIME_ZONE)), bool(values.get(Setting.PRIVACY)), alerts(values));
    }

    private static AlertThresholds alerts(Map<Setting, Sourced> values) throws InvalidSettings {
        return new AlertThresholds(percent(values.get(Setting.ALERT_DELIVERY_RATE_MIN)),
                nonNegativeInt(values.get(Setting.ALERT_UNDELIVERED_COUNT)),
                positiveInt(values.get(Setting.ALERT_UNDELIVERED_MINUTES)),
                percent(values.get(Setting.ALERT_READ_RATE_MIN)),
                positiveNumber(values.get(Setting.ALERT_DELIVERY_SECONDS_MAX)),
                nonNegativeInt(values.get(Setting.ALERT_WEBHOOK_ERRORS)));
    }

    /** A path of letters, digits and {@code - _ . /}, starting with '/', not clashing with our own endpoints. */
    private static String webhookPath(Sourced v) throws InvalidSettings {
        String path = nonBlank(v);
        if (!path.matches("/[A-Za-z0-9._~/-]*") || path.contains("//")) {
            throw new InvalidSettings(v.key + " " + v.where + " must start with / and hold only letters, digits"
                    + " and - _ . ~ /, not '" + v.value + "'");
        }
        if (path.equals("/") || path.startsWith("/api") || path.equals("/health") || path.equals("/metrics")) {
            throw new InvalidSettings(v.key + " " + v.where + " must not be /, /health, /metrics or under /api");
        }
        return path;
    }

    private static boolean bool(Sourced v) throws InvalidSettings {
        String s = v.value == null ? "" : v.value.trim().toLowerCase(java.util.Locale.ROOT);
        return switch (s) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new InvalidSettings(v.key + " " + v.where + " must be true or false, not '" + v.value + "'");
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
            throw new InvalidSettings(v.key + " " + v.where + " must be local, UTC or a zone id such as"
                    + " Asia/Kolkata, not '" + v.value + "'");
        }
    }

    private static double percent(Sourced v) throws InvalidSettings {
        double d = number(v);
        if (d < 0 || d > 100) {
            throw new InvalidSettings(v.key + " " + v.where + " must be between 0 and 100, not " + v.value);
        }
        return d;
    }

    private static double positiveNumber(Sourced v) throws InvalidSettings {
        double d = number(v);
        if (!(d > 0)) {
            throw new InvalidSettings(v.key + " " + v.where + " must be positive, not " + v.value);
        }
        return d;
    }

    private static double number(Sourced v) throws InvalidSettings {
        try {
            double d = Double.parseDouble(v.value.trim());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new InvalidSettings(v.key + " " + v.where + " must be a number, not '" + v.value + "'");
        }
    }

    private Sourced pick(Setting s, Map<Setting, String> flags, Map<Setting, String> fromFile) {
        String flag = flags.get(s);
        if (flag != null) {
            return new Sourced(s.key(), flag, "(from --" + s.key() + ")");
        }
        String env = blankToNull(environment.get(s.environmentVariable()));
        if (env != null) {
            return new Sourced(s.key(), env, "(from " + s.environmentVariable() + ")");
        }
        String file = blankToNull(fromFile.get(s));
        if (file != null) {
            return new Sourced(s.key(), file, "(from the config file, key " + s.key() + ")");
        }
        return new Sourced(s.key(), s.defaultValue(), "(default)");
    }

    private Map<Setting, String> readFile(Path named) throws InvalidSettings {
        Path file = named != null ? named : defaultConfigFile(home);
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        if (named == null && !Files.exists(file)) {
            return values;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new InvalidSettings("cannot read the config file " + file + ": " + e.getMessage());
        }
        for (String key : p.stringPropertyNames()) {
            Setting match = null;
            for (Setting s : Setting.values()) {
                if (s.key().equals(key.trim().replace('_', '-').toLowerCase(java.util.Locale.ROOT))) {
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
            throw new InvalidSettings(v.key + " " + v.where + " must be between 0 and 65535, not " + v.value);
        }
        return port;
    }

    private static int positiveInt(Sourced v) throws InvalidSettings {
        int n = integer(v);
        if (n < 1) {
            throw new InvalidSettings(v.key + " " + v.where + " must be positive, not " + v.value);
        }
        return n;
    }

    private static int nonNegativeInt(Sourced v) throws InvalidSettings {
        int n = integer(v);
        if (n < 0) {
            throw new InvalidSettings(v.key + " " + v.where + " must not be negative, not " + v.value);
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
                throw new InvalidSettings(v.key + " " + v.where + ": " + e.getMessage());
            }
        }
        return List.copyOf(result);
    }

    private static int integer(Sourced v) throws InvalidSettings {
        try {
            return Integer.parseInt(v.value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidSettings(v.key + " " + v.where + " must be a whole number, not '" + v.value + "'");
        }
    }

    private static long positiveLong(Sourced v) throws InvalidSettings {
        try {
            long n = Long.parseLong(v.value.trim());
            if (n < 1) {
                throw new InvalidSettings(v.key + " " + v.where + " must be positive, not " + v.value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidSettings(v.key + " " + v.where + " must be a whole number, not '" + v.value + "'");
        }
    }

    private static String nonBlank(Sourced v) throws InvalidSettings {
        if (v.value == null || v.value.isBlank()) {
            throw new InvalidSettings(v.key + " " + v.where + " must not be empty");
        }
        return v.value.trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** A value and where it came from, for error messages. */
    private record Sourced(String key, String value, String where) {
    }
}
