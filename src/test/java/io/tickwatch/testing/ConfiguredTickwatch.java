package io.tickwatch.testing;

import io.tickwatch.App;
import io.tickwatch.config.ConfigFile;
import io.tickwatch.config.InvalidSettings;
import io.tickwatch.config.Setting;
import io.tickwatch.config.SettingsLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * A real Tickwatch started the way a user who edits the config file starts it: settings in
 * {@code <home>/.tickwatch/tickwatch.properties} (port 0, an H2 file under {@code home}), plus whatever the
 * test adds to the file or the environment. Used where the config file itself is under test (the settings
 * dialog, receiver changes at run time).
 */
public final class ConfiguredTickwatch implements AutoCloseable {

    private final Path home;
    private final App app;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ConfiguredTickwatch(Path home, App app) {
        this.home = home;
        this.app = app;
    }

    public static ConfiguredTickwatch start(Path home, Map<Setting, String> fileValues, Map<String, String> env) {
        Map<Setting, String> values = new EnumMap<>(Setting.class);
        values.put(Setting.PORT, "0");
        values.put(Setting.DB, "jdbc:h2:file:" + home.resolve("store").toAbsolutePath());
        values.putAll(fileValues);
        try {
            ConfigFile.update(configFile(home), values);
            return new ConfiguredTickwatch(home, App.start(new SettingsLoader(env, home).load(false, Map.of(), null)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidSettings e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static ConfiguredTickwatch start(Path home, Map<Setting, String> fileValues) {
        return start(home, fileValues, Map.of());
    }

    public static Path configFile(Path home) {
        return SettingsLoader.defaultConfigFile(home);
    }

    public Path configFile() {
        return configFile(home);
    }

    /** The config file as the next start would read it. */
    public Map<Setting, String> fileValues() {
        try {
            return SettingsLoader.readFile(configFile());
        } catch (InvalidSettings e) {
            throw new AssertionError(e);
        }
    }

    public String fileText() {
        try {
            return Files.readString(configFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public App app() {
        return app;
    }

    /** POST to the receiver where it listens now; a refused connection throws UncheckedIOException. */
    public RunningTickwatch.Reply post(String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .timeout(RunningTickwatch.ANSWER_TIMEOUT).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    public RunningTickwatch.Reply get(int port, String pathAndQuery) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(RunningTickwatch.ANSWER_TIMEOUT).GET().build());
    }

    private RunningTickwatch.Reply send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new RunningTickwatch.Reply(r.statusCode(), r.headers().map(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Messages in the store (the app's own H2 file, a second connection in this JVM). */
    public long storedMessages(String id) {
        try (var c = java.sql.DriverManager.getConnection(app.settings().db());
             var s = c.prepareStatement("SELECT COUNT(*) FROM messages WHERE id = ?")) {
            s.setString(1, id);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        app.close();
    }
}
