package fr.pairaidance.orientation.service;

import fr.pairaidance.orientation.config.OrientationConfig;
import fr.pairaidance.platform.reference.Vocabularies;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The prevalence figures of the self-diagnosis: operator configuration, loaded from the resource
 * {@code prevalence/} or from {@code orientation.prevalence.directory} (see prevalence/README.md).
 */
@ApplicationScoped
public class PrevalenceTable {

    public enum Describes { WORKERS, GENERAL_POPULATION }

    public record Figure(String situation, String label, String population, String ageBand, String gender,
            BigDecimal percent, String sourceId, Describes describes) {
    }

    public record Situation(String code, String label, List<String> domains) {
    }

    private final List<Figure> figures;
    private final Map<String, String> sources;
    private final List<Situation> situations;
    private final String provenance;

    PrevalenceTable(OrientationConfig config, Vocabularies vocabularies) {
        Path directory = config.prevalence().directory().map(Path::of).orElse(null);
        provenance = directory == null
                ? "resource prevalence/ of orientation-service, copied from shared/reference-data/prevalence"
                : "directory " + directory;
        figures = read(directory, "prevalence.csv").stream().map(r -> new Figure(r.get("situation_code"),
                r.get("label_fr"), r.get("population"), r.get("age_band"), r.get("gender"),
                new BigDecimal(r.get("prevalence_pct")), r.get("source_id"),
                "workers".equals(r.get("describes")) ? Describes.WORKERS : Describes.GENERAL_POPULATION)).toList();
        sources = new LinkedHashMap<>();
        read(directory, "sources.csv").forEach(r -> sources.put(r.get("source_id"), r.get("citation")));
        situations = read(directory, "situations.csv").stream().map(r -> new Situation(r.get("situation_code"),
                r.get("label_en"), List.of(r.get("domains").strip().split("\\s+")))).toList();
        situations.forEach(s -> {
            if (!vocabularies.check("domains", Vocabularies.DOMAINS, s.domains()).isEmpty()) {
                throw new IllegalStateException("situations.csv: unknown domain code for situation " + s.code());
            }
        });
        figures.forEach(f -> {
            if (!sources.containsKey(f.sourceId())) {
                throw new IllegalStateException("prevalence.csv: source " + f.sourceId() + " is not in sources.csv");
            }
        });
    }

    public List<Figure> figures() {
        return figures;
    }

    public List<Situation> situations() {
        return situations;
    }

    public String citation(String sourceId) {
        return sources.get(sourceId);
    }

    public String provenance() {
        return provenance;
    }

    private static List<CSVRecord> read(Path directory, String file) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (InputStream in = open(directory, file); Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return new ArrayList<>(format.parse(reader).getRecords());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read prevalence file " + file, e);
        }
    }

    private static InputStream open(Path directory, String file) throws IOException {
        if (directory != null) {
            return Files.newInputStream(directory.resolve(file));
        }
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("prevalence/" + file);
        if (in == null) {
            throw new IOException("missing resource prevalence/" + file);
        }
        return in;
    }
}
