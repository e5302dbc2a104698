package fr.pairaidance.registry.service;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;

/**
 * The layout of an agency's CSV file, read from its header line: the column separator (',' or ';', as
 * French spreadsheets save it), and, when the header is not one this service reads, the one reason why.
 */
final class ImportLayout {

    private static final String SEPARATORS = ",;\t|";

    private ImportLayout() {
    }

    /** The separator the header line uses the most, outside quotes: ',' or ';' (',' when it has neither). */
    static char separator(byte[] start, Charset charset) {
        String text = new String(start, 0, Math.min(start.length, 64 * 1024), charset);
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        int commas = count(header, ',');
        int semicolons = count(header, ';');
        return semicolons > commas ? ';' : ',';
    }

    /**
     * Why a header is not one this service reads, in one message, when the file's layout itself is wrong:
     * none of the expected columns is there (another separator, no header line). Empty when the header can
     * be judged column by column (some columns missing or unknown).
     */
    static Optional<String> wrongLayout(List<String> header, List<String> expected) {
        if (header.stream().anyMatch(expected::contains)) {
            return Optional.empty();
        }
        String joined = String.join("", header);
        for (char c : SEPARATORS.toCharArray()) {
            if (c != ',' && c != ';' && joined.indexOf(c) >= 0) {
                return Optional.of("columns are separated by '" + (c == '\t' ? "tab" : String.valueOf(c))
                        + "': save the file as CSV with ',' or ';' between columns, or as XLSX");
            }
        }
        return Optional.of("the first line is not the header: it must name the columns " + String.join(", ", expected));
    }

    private static int count(String line, char separator) {
        int n = 0;
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                n++;
            }
        }
        return n;
    }
}
