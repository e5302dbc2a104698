package fr.pairaidance.registry.web;

import fr.pairaidance.registry.persistence.Practitioner;
import fr.pairaidance.registry.service.PractitionerInput;
import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A practitioner's record as typed in a page's form, kept as typed (strings and ticked codes) so that a
 * page with errors shows it again; {@code commune} is what the person typed (code, postal code or name).
 */
@TemplateData
public record RecordForm(String givenName, String familyName, String birthDate, String email, String phone,
        String commune, List<String> domains, List<String> appellations, List<String> modes, String siret,
        String employerName, List<String> formats, List<String> languages, boolean remote, String version) {

    public RecordForm {
        domains = domains == null ? List.of() : domains;
        appellations = appellations == null ? List.of() : appellations;
        modes = modes == null ? List.of() : modes;
        formats = formats == null ? List.of() : formats;
        languages = languages == null ? List.of() : languages;
    }

    static RecordForm empty(String email) {
        return new RecordForm("", "", "", email == null ? "" : email, "", "", List.of(), List.of(), List.of(), "", "",
                List.of(), List.of("fr"), false, "");
    }

    static RecordForm of(Practitioner p) {
        return new RecordForm(p.givenName, p.familyName, p.birthDate == null ? "" : p.birthDate.toString(), p.email,
                p.phone == null ? "" : p.phone, p.communeCode, p.domains, p.appellations, p.modes,
                p.siret == null ? "" : p.siret, p.employerName == null ? "" : p.employerName, p.formats, p.languages,
                p.remote, Long.toString(p.version));
    }

    static RecordForm of(MultivaluedMap<String, String> fields) {
        return new RecordForm(one(fields, "givenName"), one(fields, "familyName"), one(fields, "birthDate"),
                one(fields, "email"), one(fields, "phone"), one(fields, "commune"), fields.get("domains"),
                fields.get("appellations"), fields.get("modes"), one(fields, "siret"), one(fields, "employerName"),
                fields.get("formats"), fields.get("languages"), "on".equals(fields.getFirst("remote")),
                one(fields, "version"));
    }

    /** The same record with the commune written as a person reads it (name and postal code). */
    RecordForm withCommune(String label) {
        return new RecordForm(givenName, familyName, birthDate, email, phone, label, domains, appellations, modes,
                siret, employerName, formats, languages, remote, version);
    }

    public boolean has(String list, String code) {
        return switch (list) {
            case "domains" -> domains.contains(code);
            case "appellations" -> appellations.contains(code);
            case "modes" -> modes.contains(code);
            case "formats" -> formats.contains(code);
            default -> languages.contains(code);
        };
    }

    /** The input for the services; a date that does not parse is null (the services then name the field). */
    PractitionerInput input(String communeCode) {
        LocalDate born;
        try {
            born = birthDate.isBlank() ? null : LocalDate.parse(birthDate.strip());
        } catch (DateTimeParseException e) {
            born = null;
        }
        return new PractitionerInput(givenName.strip(), familyName.strip(), born, email.strip(), blank(phone),
                communeCode, domains, appellations, modes, blank(siret), blank(employerName), formats, languages, remote);
    }

    private static String one(MultivaluedMap<String, String> fields, String name) {
        String value = fields.getFirst(name);
        return value == null ? "" : value;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
