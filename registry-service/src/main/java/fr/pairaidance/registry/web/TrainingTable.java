package fr.pairaidance.registry.web;

import fr.pairaidance.registry.persistence.TrainingRecord;
import fr.pairaidance.registry.service.TrainingCatalogue;
import io.quarkus.qute.TemplateData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The common core as a practitioner or an agent reads it: each module, in the reader's language, and how it
 * is covered (a training completed, a VAE, or not yet), from the training records.
 */
@TemplateData
public record TrainingTable(List<Row> core, List<Row> specialisations, List<TrainingRecord> vae) {

    /** A module and how it is covered: COMPLETION, PRIOR_EXPERIENCE, or null when missing. */
    @TemplateData
    public record Row(String code, String name, int hours, String coveredBy, LocalDate on) {

        public boolean missing() {
            return coveredBy == null;
        }
    }

    static TrainingTable of(TrainingCatalogue catalogue, List<TrainingRecord> records, Locale locale) {
        List<Row> core = new ArrayList<>();
        List<Row> specialisations = new ArrayList<>();
        for (TrainingCatalogue.Module m : catalogue.catalogue().modules()) {
            TrainingRecord covering = records.stream().filter(r -> r.moduleCodes.contains(m.code())).findFirst()
                    .orElse(null);
            Row row = new Row(m.code(), "en".equals(locale.getLanguage()) ? m.en() : m.fr(), m.hours(),
                    covering == null ? null : covering.kind.name(), covering == null ? null : covering.achievedOn);
            if (m.part() == TrainingCatalogue.Part.CORE) {
                core.add(row);
            } else if (covering != null) {
                specialisations.add(row);
            }
        }
        return new TrainingTable(core, specialisations, records.stream()
                .filter(r -> r.kind == TrainingRecord.Kind.PRIOR_EXPERIENCE).toList());
    }

    public long missingCount() {
        return core.stream().filter(Row::missing).count();
    }
}
