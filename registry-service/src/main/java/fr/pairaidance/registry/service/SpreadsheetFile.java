package fr.pairaidance.registry.service;

import fr.pairaidance.platform.problem.ProblemException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * An XLSX workbook as agencies save it, turned into the CSV the import reads: its first sheet, row by row
 * (a streaming reader: the workbook is never held whole in memory), into a temporary file. Dates typed as
 * dates become YYYY-MM-DD; whole numbers lose Excel's ".0".
 */
public final class SpreadsheetFile {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private SpreadsheetFile() {
    }

    /** The first sheet as a UTF-8 CSV file (the caller deletes it). */
    public static Path toCsv(InputStream xlsx, long maxBytes) {
        Path csv;
        try {
            csv = Files.createTempFile("import-", ".csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try (ReadableWorkbook workbook = new ReadableWorkbook(xlsx, new ReadingOptions(true, false));
                CSVPrinter out = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(csv),
                        StandardCharsets.UTF_8)), CSVFormat.DEFAULT)) {
            Sheet sheet = workbook.getFirstSheet();
            try (Stream<Row> rows = sheet.openStream()) {
                Iterator<Row> it = rows.iterator();
                int width = -1;
                while (it.hasNext()) {
                    Row row = it.next();
                    List<String> values = new ArrayList<>();
                    for (int i = 0; i < row.getCellCount(); i++) {
                        values.add(text(row.getCell(i)));
                    }
                    if (values.stream().allMatch(String::isEmpty)) {
                        continue; // an empty row, as a blank line of a CSV file
                    }
                    if (width < 0) {
                        while (!values.isEmpty() && values.get(values.size() - 1).isEmpty()) {
                            values.remove(values.size() - 1);
                        }
                        width = values.size(); // the header's width: a workbook leaves trailing empty cells out
                    }
                    while (values.size() < width) {
                        values.add("");
                    }
                    while (values.size() > width && values.get(values.size() - 1).isEmpty()) {
                        values.remove(values.size() - 1); // formatted but empty cells past the header
                    }
                    out.printRecord(values);
                    if (Files.size(csv) > maxBytes) {
                        throw ProblemException.payloadTooLarge("body", maxBytes, "split the workbook into several imports");
                    }
                }
            }
            return csv;
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(csv);
            } catch (IOException ignored) {
                // a temporary file
            }
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw ProblemException.badRequest("body", "is not an XLSX workbook: save the file as .xlsx or as CSV");
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            String format = cell.getDataFormatString();
            String pattern = format == null ? null : format.replaceAll("\\[[^\\]]*\\]|\"[^\"]*\"", "").toLowerCase();
            if (pattern != null && (pattern.contains("d") || pattern.contains("y")) && !pattern.contains("0")) {
                LocalDate day = cell.asDate().toLocalDate();
                return day.toString();
            }
            String raw = cell.getRawValue();
            return raw != null && raw.endsWith(".0") ? raw.substring(0, raw.length() - 2) : raw == null ? "" : raw;
        }
        String value = cell.getText();
        return value == null ? "" : value.strip();
    }
}
