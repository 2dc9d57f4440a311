package io.tickwatch.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes CSV as RFC 4180 defines it: records end with CRLF; a field holding a comma, a double quote, a
 * CR or an LF is enclosed in double quotes, and its double quotes are doubled; every record has the
 * header's number of fields; null is an empty field. The caller chooses the encoding of the
 * {@link Writer} (Tickwatch writes UTF-8). Text from outside (message ids, error titles) goes through
 * {@link #text}, which also defuses spreadsheet formulas. Not thread-safe: one export, one thread.
 */
public final class CsvWriter {

    private static final String CRLF = "\r\n";

    private final Writer out;
    private final int fields;

    /** Writes the header record at once; every later record must have as many fields. */
    public CsvWriter(Writer out, List<String> header) throws IOException {
        this.out = out;
        this.fields = header.size();
        record(header);
    }

    public void record(List<String> values) throws IOException {
        if (values.size() != fields) {
            throw new IllegalArgumentException("a record has " + values.size() + " fields; the header has " + fields);
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(values.get(i)));
        }
        out.write(line.append(CRLF).toString());
    }

    /** One field as it appears in the file: quoted only when it must be. */
    static String field(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /**
     * Text that came from a webhook sender, made safe to open in a spreadsheet (OWASP "CSV injection"):
     * a cell starting with {@code = + - @}, a tab or a CR would be read by Excel, LibreOffice or Google
     * Sheets as a formula, so it gets a leading apostrophe, which those programs show as "text follows"
     * and hide. The value is otherwise unchanged (strip one leading {@code '} to get the raw id back).
     */
    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }
}
