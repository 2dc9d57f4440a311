package io.tickwatch.config;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Writes the config file: owner-only permissions (it may hold secrets), replaced atomically so that a
 * crash mid-write never leaves half a file. Reading stays with {@link SettingsLoader}.
 */
public final class ConfigFile {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private ConfigFile() {
    }

    /** Sets one setting in the file (creating it and its folder if needed), keeping the others. */
    public static void set(Path file, Setting setting, String value) throws IOException {
        Map<Setting, String> change = new EnumMap<>(Setting.class);
        change.put(setting, value);
        update(file, change);
    }

    /**
     * Sets or removes several settings in one atomic write, keeping every other key of the file as it is
     * now (re-read here, so a {@code tickwatch config set} since the caller last read it is not undone).
     *
     * @param changes a value per setting to set; a null value removes the key (the default applies again)
     */
    public static void update(Path file, Map<Setting, String> changes) throws IOException {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
        }
        for (Map.Entry<Setting, String> change : changes.entrySet()) {
            Setting setting = change.getKey();
            p.stringPropertyNames().stream()
                    .filter(k -> k.trim().replace('_', '-').equalsIgnoreCase(setting.key()))
                    .forEach(p::remove);
            if (change.getValue() != null) {
                p.setProperty(setting.key(), change.getValue());
            }
        }
        write(file, p);
    }

    private static void write(Path file, Properties p) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!Files.exists(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            } else {
                Files.createDirectories(dir);
            }
        }
        Path temp = posix ? Files.createTempFile(dir, ".tickwatch", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(dir, ".tickwatch", ".tmp");
        try {
            try (Writer w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                p.store(w, "Tickwatch settings (owner-only: may hold secrets)");
            }
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** True when others than the owner may read the file (POSIX only; elsewhere we cannot tell). */
    static boolean readableByOthers(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            return perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ);
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
