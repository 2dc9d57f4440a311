package io.tickwatch.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ConfigFile#update}: what the settings dialog saves is read back by the next start exactly, other
 * keys survive, and the file (it may hold secrets) is readable by its owner only (POSIX).
 */
class ConfigFileTest {

    @TempDir
    Path home;

    private Path file() {
        return SettingsLoader.defaultConfigFile(home);
    }

    private static Map<Setting, String> changes(Object... pairs) {
        Map<Setting, String> m = new EnumMap<>(Setting.class);
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((Setting) pairs[i], (String) pairs[i + 1]);
        }
        return m;
    }

    @Test
    void whatIsSavedIsWhatTheNextStartReads() throws Exception {
        ConfigFile.update(file(), changes(Setting.PORT, "9001", Setting.APP_SECRET, "s3cr=t:with#odd chars",
                Setting.TIME_ZONE, "America/New_York", Setting.DB, "jdbc:h2:file:/data/tw;CIPHER=AES"));

        assertThat(SettingsLoader.readFile(file())).containsOnly(Map.entry(Setting.PORT, "9001"),
                Map.entry(Setting.APP_SECRET, "s3cr=t:with#odd chars"), Map.entry(Setting.TIME_ZONE, "America/New_York"),
                Map.entry(Setting.DB, "jdbc:h2:file:/data/tw;CIPHER=AES"));
        Settings s = new SettingsLoader(Map.of(), home).load(false, Map.of(), null);
        assertThat(s.port()).isEqualTo(9001);
        assertThat(s.appSecret()).isEqualTo("s3cr=t:with#odd chars");
    }

    @Test
    void aNewFileAndFolderAreOwnerOnly() throws Exception {
        ConfigFile.update(file(), changes(Setting.VERIFY_TOKEN, "vt"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file().getParent()))).isEqualTo("rwx------");
    }

    @Test
    void aFileOthersCouldReadBecomesOwnerOnlyWhenSaved() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "port=8081\n");
        Files.setPosixFilePermissions(file(), PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(ConfigFile.readableByOthers(file())).isTrue();

        ConfigFile.update(file(), changes(Setting.API_TOKEN, "tok"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file()))).isEqualTo("rw-------");
        assertThat(ConfigFile.readableByOthers(file())).isFalse();
    }

    @Test
    void otherKeysAreKeptAndANullValueRemovesAKeyInEitherSpelling() throws Exception {
        Files.createDirectories(file().getParent());
        Files.writeString(file(), "APP_SECRET = old-secret-value\nrate-limit=50\nport=8081\n");

        ConfigFile.update(file(), changes(Setting.APP_SECRET, null, Setting.PORT, "9002"));

        assertThat(SettingsLoader.readFile(file())).containsOnly(Map.entry(Setting.RATE_LIMIT, "50"),
                Map.entry(Setting.PORT, "9002"));
        assertThat(Files.readString(file())).containsOnlyOnce("port=").doesNotContain("old-secret-value");
    }

    @Test
    void noTemporaryFileIsLeftBehind() throws Exception {
        ConfigFile.update(file(), changes(Setting.PORT, "1"));
        ConfigFile.update(file(), changes(Setting.PORT, "2"));
        try (var listing = Files.list(file().getParent())) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("tickwatch.properties");
        }
    }
}
