package fr.pairaidance.orientation.service;

import fr.pairaidance.orientation.config.OrientationConfig;
import fr.pairaidance.platform.reference.Geography;
import fr.pairaidance.platform.reference.Vocabularies;
import fr.pairaidance.platform.web.WebConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The mapping of the published listing to the data·inclusion schema v1 (1.0.8), in one place (its table
 * and choices are in the service README). Only what the listing holds is mapped, and the listing holds
 * only what the practitioner consented to publish: a field they did not publish stays absent. Contact
 * details and the public name are never exported; the SIRET and the employer's name only as the structure of
 * the practitioner's service, when they consented to publish their organisation.
 */
@ApplicationScoped
public class DataInclusionMapping {

    /** The producer's slug: every id is {@code pairaidance--<id>}. */
    public static final String SOURCE = "pairaidance";

    /**
     * Lived-experience domain to data·inclusion thématiques: only where a sub-theme names the same situation.
     * Domains without one (disabilities, bereavement, neurodiversity, homelessness) map to nothing rather than
     * to a guess. Applied only to the domains the practitioner published (health data).
     */
    static final Map<String, List<String>> THEMATIQUES = Map.ofEntries(
            Map.entry("MENTAL_HEALTH", List.of("sante--sante-mentale")),
            Map.entry("EATING_DISORDERS", List.of("sante--sante-mentale")),
            Map.entry("ADDICTION", List.of("sante--addictions")),
            Map.entry("CHRONIC_ILLNESS", List.of("sante--acces-aux-soins")),
            Map.entry("CANCER", List.of("sante--acces-aux-soins")),
            Map.entry("FAMILY_CAREGIVING", List.of("famille--soutien-aidants")),
            Map.entry("SEPARATION_DIVORCE", List.of("famille--surmonter-conflits-separation-violence")),
            Map.entry("OVER_INDEBTEDNESS", List.of("difficultes-financieres--situation-dendettement-surendettement")),
            Map.entry("PHYSICAL_DISABILITY", List.of()),
            Map.entry("SENSORY_DISABILITY", List.of()),
            Map.entry("BEREAVEMENT", List.of()),
            Map.entry("NEURODIVERSITY", List.of()),
            Map.entry("HOMELESSNESS", List.of()));

    static final String TYPE = "accompagnement";
    static final List<String> PUBLICS = List.of("tous-publics");
    static final List<String> MOBILISABLE_PAR = List.of("professionnels");
    static final List<String> MODES_MOBILISATION = List.of("utiliser-lien-mobilisation");
    static final String MOBILISATION = "Envoyer une demande d'orientation depuis la page du pair-aidant sur la "
            + "plateforme (compte employeur) : ses coordonnées sont communiquées s'il l'accepte.";
    /** Descriptions of the structures of a self-employed practitioner and of an employer. */
    private static final String SELF_EMPLOYED = "Pair-aidant labellisé exerçant en libéral : une personne formée "
            + "qui s'appuie sur son expérience vécue pour accompagner des personnes vivant une situation proche, et "
            + "les employeurs qui les accompagnent.";
    private static final String EMPLOYER = "Structure employant des pair-aidants labellisés : des personnes formées "
            + "qui s'appuient sur leur expérience vécue pour accompagner des personnes vivant une situation proche, "
            + "et les employeurs qui les accompagnent.";

    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final int MIN_NAME = 3;
    private static final int MAX_NAME = 150;

    /**
     * The key of the structure of a listing row {@code l}, as SQL: the export groups and pages structures by it.
     * The practitioner's own establishment when they published a SIRET ({@code siret-<SIRET>}), else their
     * employer when they published one ({@code employeur-<hash of the name, case and spaces aside>}: colleagues
     * share it), else the regional platform ({@code region-<INSEE region>}).
     */
    static final String STRUCTURE_KEY = "case when l.siret is not null then 'siret-' || l.siret "
            + "when l.employer_name is not null then 'employeur-' "
            + "|| left(md5(lower(regexp_replace(btrim(l.employer_name), '\\s+', ' ', 'g'))), 16) "
            + "else coalesce('region-' || l.region_code, 'france') end";

    /**
     * What the export reads of one published practitioner (the listing, the key of its structure and when it
     * last changed).
     */
    record Published(String registryNumber, String communeCode, String zoneCode, String departmentCode,
            String regionCode, List<String> modes, List<String> domains, List<String> appellations,
            List<String> formats, List<String> languages, String siret, String employerName, String structureKey,
            boolean remote, String labelNumber, LocalDate expiresOn, LocalDate updatedOn) {
    }

    private final Geography geography;
    private final Vocabularies vocabularies;
    private final OrientationConfig config;
    private final String site;
    /** The departments each employment zone has communes in (a zone may straddle departments). */
    private final Map<String, Set<String>> departmentsByZone = new HashMap<>();

    DataInclusionMapping(Geography geography, Vocabularies vocabularies, OrientationConfig config, WebConfig web) {
        this.geography = geography;
        this.vocabularies = vocabularies;
        this.config = config;
        String base = web.sites().getOrDefault(web.site(), "");
        this.site = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        geography.communes().stream().filter(c -> c.zoneCode() != null).forEach(c -> departmentsByZone
                .computeIfAbsent(c.zoneCode(), z -> new TreeSet<>()).add(c.departmentCode()));
    }

    InclusionService service(Published p) {
        String page = page(p);
        return new InclusionService(SOURCE, SOURCE + "--" + p.registryNumber(), SOURCE + "--" + p.structureKey(),
                name(p, ""), description(p), TYPE, thematiques(p.domains()), PUBLICS,
                p.remote() ? List.of("en-presentiel", "a-distance") : List.of("en-presentiel"),
                zoneEligibilite(p), p.communeCode(),
                geography.commune(p.communeCode()).map(Geography.Commune::name).orElse(null),
                MODES_MOBILISATION, page, MOBILISABLE_PAR, MOBILISATION, page, p.updatedOn());
    }

    /**
     * The structure of the services with one {@link Published#structureKey}, from the first of them (lowest
     * registry number) and the latest change of any.
     */
    InclusionStructure structure(Published first, LocalDate updatedOn) {
        String id = SOURCE + "--" + first.structureKey();
        if (first.siret() != null) {
            // The practitioner's own establishment: never their name (nor their domains, health data).
            return new InclusionStructure(SOURCE, id, name(first, " en libéral"), first.siret(), SELF_EMPLOYED,
                    null, null, null, page(first), updatedOn);
        }
        if (first.employerName() != null) {
            return new InclusionStructure(SOURCE, id, employerName(first.employerName()), null, EMPLOYER, null,
                    null, null, null, updatedOn);
        }
        return regional(first.regionCode(), id, updatedOn);
    }

    /** The regional platform of a region with published practitioners, as the structure of the others' services. */
    private InclusionStructure regional(String regionCode, String id, LocalDate updatedOn) {
        String regionName = regionCode == null ? null
                : geography.region(regionCode).map(Geography.Region::name).orElse(regionCode);
        OrientationConfig.Operator operator = regionCode == null ? null : config.regionalOperators().get(regionCode);
        String page = regionCode == null ? site + "/" : site + "/regions/" + regionCode;
        String name = operator != null ? operator.name()
                : regionName == null ? "Plateforme nationale pair-aidance" : "Plateforme pair-aidance " + regionName;
        String description = "Plateforme d'orientation vers des pair-aidants labellisés"
                + (regionName == null ? "" : " en " + regionName) + " : des personnes formées qui s'appuient sur "
                + "leur expérience vécue (maladie, handicap, addiction, aidance, précarité...) pour accompagner "
                + "d'autres personnes et les employeurs. Recherche par bassin d'emploi, demandes d'orientation, "
                + "autodiagnostic des besoins d'une entreprise.";
        return new InclusionStructure(SOURCE, id, trim(name), null, description,
                operator == null ? null : operator.email().orElse(null),
                operator == null ? null : operator.phone().orElse(null),
                operator == null ? page : operator.website().orElse(page), page, updatedOn);
    }

    /** The thématiques of the published domains; absent when none is published or none maps. */
    static List<String> thematiques(List<String> domains) {
        if (domains == null) {
            return null;
        }
        Set<String> codes = new TreeSet<>();
        domains.forEach(d -> codes.addAll(THEMATIQUES.getOrDefault(d, List.of())));
        return codes.isEmpty() ? null : List.copyOf(codes);
    }

    /**
     * Where the service is open: the country for a practitioner who also works remotely, else the departments
     * of their employment zone (the first rungs of the search; the schema has no zone or region codes).
     */
    private List<String> zoneEligibilite(Published p) {
        if (p.remote()) {
            return List.of("france");
        }
        Set<String> departments = new TreeSet<>(p.zoneCode() == null ? Set.of()
                : departmentsByZone.getOrDefault(p.zoneCode(), Set.of()));
        if (p.departmentCode() != null) {
            departments.add(p.departmentCode());
        }
        return departments.isEmpty() ? List.of("france") : List.copyOf(departments);
    }

    private String page(Published p) {
        return site + "/practitioners/" + p.registryNumber();
    }

    /**
     * The first published appellation, a qualifier and the zone, e.g. "Pair-aidant – Lyon" or "Pair-aidant en
     * libéral – Lyon"; never the person's name.
     */
    private String name(Published p, String qualifier) {
        List<String> appellations = p.appellations() == null ? List.of()
                : labels(Vocabularies.APPELLATIONS, p.appellations());
        String appellation = (appellations.isEmpty() ? "Pair-aidance" : appellations.get(0)) + qualifier;
        String place = geography.zone(p.zoneCode()).map(Geography.Zone::name)
                .or(() -> geography.department(p.departmentCode()).map(Geography.Department::name)).orElse(null);
        return trim(place == null ? appellation : appellation + " – " + place);
    }

    private String description(Published p) {
        List<String> parts = new ArrayList<>();
        parts.add("Accompagnement par un pair-aidant labellisé : une personne formée qui s'appuie sur son "
                + "expérience vécue pour aider des personnes vivant une situation proche, et les employeurs qui "
                + "les accompagnent.");
        line(parts, "Appellations", Vocabularies.APPELLATIONS, p.appellations());
        line(parts, "Savoirs expérientiels", Vocabularies.DOMAINS, p.domains());
        line(parts, "Formats", Vocabularies.FORMATS, p.formats());
        line(parts, "Langues", Vocabularies.LANGUAGES, p.languages());
        line(parts, "Modes d'exercice", Vocabularies.MODES, p.modes());
        if (p.remote()) {
            parts.add("Intervient aussi à distance.");
        }
        parts.add("Label n° " + p.labelNumber()
                + (p.expiresOn() == null ? "" : ", valable jusqu'au " + FRENCH_DATE.format(p.expiresOn())) + ".");
        return String.join("\n", parts);
    }

    private void line(List<String> parts, String title, String vocabulary, List<String> codes) {
        List<String> labels = codes == null ? List.of() : labels(vocabulary, codes);
        if (!labels.isEmpty()) {
            parts.add(title + " : " + String.join(" ; ", labels) + ".");
        }
    }

    /** French labels in the vocabulary's order; an unknown code (a newer vocabulary) is left out. */
    private List<String> labels(String vocabulary, List<String> codes) {
        Set<String> wanted = Set.copyOf(codes);
        return vocabularies.terms(vocabulary).stream().filter(t -> wanted.contains(t.code()))
                .map(Vocabularies.Term::fr).collect(Collectors.toList());
    }

    private static String trim(String name) {
        return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME).strip();
    }

    /** The employer's name as the schema takes a name: 3 to 150 characters, not ending with a full stop. */
    private static String employerName(String name) {
        String trimmed = trim(name.strip()).replaceAll("[.\\s]+$", "");
        return trimmed.length() >= MIN_NAME ? trimmed : "Employeur " + trimmed;
    }
}
