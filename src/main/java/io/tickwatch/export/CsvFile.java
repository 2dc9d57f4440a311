package io.tickwatch.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes one CSV file whole or not at all: the records go to a temporary file beside the target, which
 * replaces the target only when everything was written. A failed or interrupted export leaves no
 * half-written file (and an earlier file of that name untouched). UTF-8, no byte-order mark.
 */
public final class CsvFile {

    /** What fills the file; returns the number of data records written. */
    @FunctionalInterface
    public interface Content {
        long writeTo(CsvWriter csv) throws IOException;
    }

    /** Why a file could not be written, in words for people (the path and the reason). */
    public static final class ExportFailed extends IOException {
        private static final long serialVersionUID = 1L;

        ExportFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private CsvFile() {
    }

    public static long write(Path target, List<String> header, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        Path temp;
        try {
            temp = Files.createTempFile(folder, "." + absolute.getFileName() + ".", ".part");
        } catch (IOException e) {
            throw failed(absolute, e);
        }
        try {
            long records;
            try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.UTF_8),
                    1 << 16)) {
                records = content.writeTo(new CsvWriter(out, header));
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            return records;
        } catch (IOException e) {
            throw failed(absolute, e);
        } finally {
            try {
                Files.deleteIfExists(temp); // gone already after the move
            } catch (IOException ignored) {
                // the export's own outcome is what the user needs to hear about
            }
        }
    }

    private static ExportFailed failed(Path target, IOException e) {
        if (e instanceof ExportFailed f) {
            return f;
        }
        return new ExportFailed("Cannot write " + target + ": " + reason(target, e), e);
    }

    private static String reason(Path target, IOException e) {
        Path folder = target.getParent();
        if (Files.isDirectory(target)) {
            return "it is a folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException || folder != null && !Files.isDirectory(folder)) {
            return folder != null && Files.exists(folder) ? folder + " is not a folder" : "the folder " + folder + " does not exist";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
