package io.tickwatch.ui.common;

import java.io.File;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The save dialog of an "Export CSV…" button: suggests a dated name ({@code tickwatch-messages-20231210-1130.csv})
 * and opens where the last export of this screen went. FX thread only.
 */
public final class CsvFileChooser {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm", Locale.ROOT);

    private final String title;
    private final String baseName;
    private File lastFolder;

    public CsvFileChooser(String title, String baseName) {
        this.title = title;
        this.baseName = baseName;
    }

    public Optional<Path> choose(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(baseName + "-" + STAMP.format(LocalDateTime.now()) + ".csv");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV (comma-separated, UTF-8)", "*.csv"));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return Optional.empty();
        }
        lastFolder = file.getParentFile();
        return Optional.of(file.toPath());
    }
}
