package fr.pairaidance.registry.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Files the agent's desk hands out or rewrites: the import templates, a CSV with a chosen separator. */
final class ImportFiles {

    /** An example row of the templates: what each column holds. */
    private static final List<String> EXAMPLE = List.of("Camille", "Durand", "1985-04-12", "camille.durand@example.org",
            "+33612345678", "69123", "MENTAL_HEALTH|ADDICTION", "PAIR_AIDANT", "SELF_EMPLOYED", "73282932000074", "",
            "ONE_TO_ONE|PEER_GROUP", "fr|en", "true");

    private ImportFiles() {
    }

    static byte[] csvTemplate(List<String> columns) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            printer.printRecord(columns);
            printer.printRecord(EXAMPLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] xlsxTemplate(List<String> columns) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "pairaidance", "1.0");
            Worksheet sheet = workbook.newWorksheet("Praticiens");
            for (int c = 0; c < columns.size(); c++) {
                sheet.value(0, c, columns.get(c));
                sheet.value(1, c, EXAMPLE.get(c));
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The CSV file read with the separator and charset the agent chose, written again as the import reads
     * it by default (UTF-8, ','), for a file whose header line alone would not tell.
     */
    static Path withSeparator(Path file, Charset charset, char separator) throws IOException {
        Path rewritten = Files.createTempFile("import-", ".csv");
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setDelimiter(separator).get().parse(new InputStreamReader(
                org.apache.commons.io.input.BOMInputStream.builder().setInputStream(Files.newInputStream(file)).get(),
                charset.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                        .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)));
                CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(Files.newOutputStream(rewritten),
                        StandardCharsets.UTF_8), CSVFormat.DEFAULT)) {
            for (CSVRecord row : parser) {
                printer.printRecord(row.values());
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(rewritten);
            throw e;
        }
        return rewritten;
    }
}
