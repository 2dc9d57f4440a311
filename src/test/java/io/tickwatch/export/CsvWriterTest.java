package io.tickwatch.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CSV as RFC 4180 writes it, in UTF-8, safe to open in a spreadsheet. */
class CsvWriterTest {

    @TempDir
    Path dir;

    private static String csv(List<String> header, List<List<String>> records) throws IOException {
        StringWriter out = new StringWriter();
        CsvWriter w = new CsvWriter(out, header);
        for (List<String> r : records) {
            w.record(r);
        }
        return out.toString();
    }

    @Test
    void recordsEndWithCrlfAndPlainFieldsAreNotQuoted() throws IOException {
        assertThat(csv(List.of("a", "b"), List.of(List.of("1", "two"), List.of("3", "four"))))
                .isEqualTo("a,b\r\n1,two\r\n3,four\r\n");
    }

    @Test
    void fieldsWithCommaQuoteCrOrLfAreQuotedAndQuotesDoubled() throws IOException {
        assertThat(csv(List.of("v"), List.of(List.of("a,b"), List.of("say \"hi\""), List.of("line\nbreak"),
                List.of("cr\rhere"), List.of("crlf\r\nhere"), List.of("\""))))
                .isEqualTo("v\r\n\"a,b\"\r\n\"say \"\"hi\"\"\"\r\n\"line\nbreak\"\r\n\"cr\rhere\"\r\n\"crlf\r\nhere\"\r\n\"\"\"\"\r\n");
    }

    @Test
    void emptyAndNullValuesAreEmptyFields() throws IOException {
        assertThat(csv(List.of("a", "b", "c"), List.of(Arrays.asList("", null, "x"), Arrays.asList(null, null, null))))
                .isEqualTo("a,b,c\r\n,,x\r\n,,\r\n");
    }

    @Test
    void spacesAndNonAsciiStayAsTheyAre() throws IOException {
        assertThat(csv(List.of("id"), List.of(List.of(" wamid.é中🙂 "), List.of("tab\there"))))
                .isEqualTo("id\r\n wamid.é中🙂 \r\ntab\there\r\n");
    }

    @Test
    void aRecordWithTheWrongNumberOfFieldsIsRefused() throws IOException {
        CsvWriter w = new CsvWriter(new StringWriter(), List.of("a", "b"));
        assertThatThrownBy(() -> w.record(List.of("1"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 fields; the header has 2");
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaGetsALeadingApostrophe() {
        assertThat(CsvWriter.text("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("'=HYPERLINK(\"http://x\",\"y\")");
        assertThat(CsvWriter.text("+1+2")).isEqualTo("'+1+2");
        assertThat(CsvWriter.text("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvWriter.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvWriter.text("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvWriter.text("\r=1")).isEqualTo("'\r=1");
        assertThat(CsvWriter.text("wamid.=+-@")).isEqualTo("wamid.=+-@"); // only the first character matters
        assertThat(CsvWriter.text("")).isEmpty();
        assertThat(CsvWriter.text(null)).isNull();
    }

    @Test
    void aFileIsUtf8WithoutByteOrderMarkAndReplacesAnEarlierOneWhole() throws IOException {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "old content");
        long n = CsvFile.write(target, List.of("id", "title"), csv -> {
            csv.record(List.of("wamid.é中🙂", "Ünïcödé, with comma"));
            return 1;
        });
        assertThat(n).isEqualTo(1);
        byte[] bytes = Files.readAllBytes(target);
        assertThat(new String(bytes, StandardCharsets.UTF_8))
                .isEqualTo("id,title\r\nwamid.é中🙂,\"Ünïcödé, with comma\"\r\n");
        assertThat(bytes[0]).isEqualTo((byte) 'i'); // no BOM
        assertThat(dir.toFile().list()).containsExactly("out.csv"); // no temporary file left behind
    }

    @Test
    void aFailedExportLeavesNoFileAndKeepsTheEarlierOne() throws IOException {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "old content");
        assertThatThrownBy(() -> CsvFile.write(target, List.of("id"), csv -> {
            csv.record(List.of("a"));
            throw new IOException("disk full");
        })).isInstanceOf(CsvFile.ExportFailed.class).hasMessage("Cannot write " + target + ": disk full");
        assertThat(Files.readString(target)).isEqualTo("old content");
        assertThat(dir.toFile().list()).containsExactly("out.csv");
    }

    @Test
    void anUnwritablePlaceIsNamedWithTheReason() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Path underAFile = file.resolve("out.csv");
        assertThatThrownBy(() -> CsvFile.write(underAFile, List.of("id"), csv -> 0))
                .isInstanceOf(CsvFile.ExportFailed.class)
                .hasMessage("Cannot write " + underAFile + ": " + file + " is not a folder");
        Path missing = dir.resolve("no-such-folder").resolve("out.csv");
        assertThatThrownBy(() -> CsvFile.write(missing, List.of("id"), csv -> 0))
                .hasMessage("Cannot write " + missing + ": the folder " + missing.getParent() + " does not exist");
        Path folder = Files.createDirectory(dir.resolve("folder.csv"));
        Files.writeString(folder.resolve("inside"), "x");
        assertThatThrownBy(() -> CsvFile.write(folder, List.of("id"), csv -> 0))
                .hasMessage("Cannot write " + folder + ": it is a folder");
    }
}
