package fr.pairaidance.benchmarks;

import fr.pairaidance.platform.reference.Geography;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Synthetic practitioners, the same for the same index and run tag: communes drawn in proportion to
 * their INSEE population (communes of an employment zone only), lived-experience domains, appellations,
 * modes, formats and languages with plausible frequencies. Names and emails are fictitious
 * ({@code @bench.pairaidance.test}).
 */
final class Population {

    /** One practitioner as the bulk import and the APIs want it. */
    record Person(int index, String givenName, String familyName, LocalDate birthDate, String email, String phone,
            Geography.Commune commune, List<String> domains, List<String> appellations, List<String> modes,
            String siret, String employerName, List<String> formats, List<String> languages, boolean remote) {
    }

    static final String CSV_HEADER = "given_name,family_name,birth_date,email,phone,commune_code,domains,appellations,"
            + "modes,siret,employer_name,formats,languages,remote";

    private static final Map<String, Integer> DOMAINS = weights("MENTAL_HEALTH", 30, "CHRONIC_ILLNESS", 12,
            "ADDICTION", 11, "PHYSICAL_DISABILITY", 8, "CANCER", 7, "FAMILY_CAREGIVING", 7, "SENSORY_DISABILITY", 4,
            "BEREAVEMENT", 4, "SEPARATION_DIVORCE", 3, "OVER_INDEBTEDNESS", 3, "EATING_DISORDERS", 4,
            "NEURODIVERSITY", 5, "HOMELESSNESS", 2);
    private static final Map<String, Integer> APPELLATIONS = weights("PAIR_AIDANT", 50, "MEDIATEUR_SANTE_PAIR", 15,
            "PATIENT_EXPERT", 15, "TRAVAILLEUR_PAIR", 10, "PAIR_FORMATEUR", 5, "INTERVENANT_PAIR", 5);
    private static final Map<String, Integer> MODES = weights("VOLUNTEER", 40, "SALARIED", 35, "SELF_EMPLOYED", 25);
    private static final Map<String, Integer> FORMATS = weights("ONE_TO_ONE", 45, "PEER_GROUP", 35,
            "TRAINING_AWARENESS", 12, "ORGANISATION_ADVICE", 8);
    private static final Map<String, Integer> OTHER_LANGUAGES = weights("en", 40, "ar", 15, "es", 12, "pt", 8,
            "de", 5, "it", 5, "tr", 4, "ro", 3, "fsl", 3, "br", 2, "oc", 2, "uk", 1);
    private static final String[] GIVEN = {"Camille", "Dominique", "Sacha", "Claude", "Alex", "Marie", "Jean",
        "Nathalie", "Karim", "Sophie", "Thomas", "Léa", "Nicolas", "Inès", "Julien", "Fatima", "Hugo", "Chloé",
        "Mehdi", "Manon", "Louis", "Emma", "Yanis", "Sarah", "Pierre", "Amina", "Lucas", "Julie", "Antoine", "Laura"};
    private static final String[] FAMILY = {"Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand",
        "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David", "Bertrand", "Morel",
        "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Faure",
        "Mercier", "Benali"};

    private final String tag;
    private final Geography.Commune[] communes;
    private final long[] cumulative;

    Population(Geography geography, String tag) {
        this.tag = tag;
        List<Geography.Commune> list = new ArrayList<>(geography.communes().stream()
                .filter(c -> c.zoneCode() != null && c.population() > 0).toList());
        list.sort(Comparator.comparing(Geography.Commune::code));
        communes = list.toArray(Geography.Commune[]::new);
        cumulative = new long[communes.length];
        long total = 0;
        for (int i = 0; i < communes.length; i++) {
            total += communes[i].population();
            cumulative[i] = total;
        }
    }

    Person person(int index) {
        SplittableRandom r = new SplittableRandom(0x5eedL * 31 + index);
        String given = GIVEN[r.nextInt(GIVEN.length)];
        String family = FAMILY[r.nextInt(FAMILY.length)];
        LocalDate birth = LocalDate.of(1950 + r.nextInt(55), 1 + r.nextInt(12), 1 + r.nextInt(28));
        String email = email(index);
        String phone = "+336" + String.format("%08d", r.nextInt(100_000_000));
        Geography.Commune commune = commune(r.nextLong(cumulative[cumulative.length - 1]));
        List<String> domains = pick(r, DOMAINS, 1 + (r.nextInt(10) < 6 ? 0 : r.nextInt(10) < 8 ? 1 : 2));
        List<String> appellations = pick(r, APPELLATIONS, r.nextInt(10) < 8 ? 1 : 2);
        List<String> modes = pick(r, MODES, r.nextInt(10) < 8 ? 1 : 2);
        String siret = modes.contains("SELF_EMPLOYED") ? siret(r) : null;
        String employer = modes.contains("SALARIED") ? "Association " + FAMILY[r.nextInt(FAMILY.length)] : null;
        List<String> formats = pick(r, FORMATS, 1 + r.nextInt(2));
        List<String> languages = new ArrayList<>(List.of("fr"));
        if (r.nextInt(10) < 3) {
            languages.addAll(pick(r, OTHER_LANGUAGES, 1));
        }
        boolean remote = r.nextInt(100) < 30;
        return new Person(index, given, family, birth, email, phone, commune, domains, appellations, modes, siret,
                employer, formats, languages, remote);
    }

    String email(int index) {
        return "p" + index + "." + tag + "@bench.pairaidance.test";
    }

    String username(int index) {
        return "bench-" + tag + "-" + index;
    }

    /** Whether this practitioner is among the labelled ones (a fixed fraction, by index). */
    static boolean labelled(int index, double fraction) {
        long h = (index * 0x9E3779B97F4A7C15L) >>> 40;
        return (h % 10_000) < fraction * 10_000;
    }

    String csv(int from, int to) {
        StringBuilder sb = new StringBuilder(CSV_HEADER.length() + (to - from) * 200).append(CSV_HEADER).append('\n');
        for (int i = from; i < to; i++) {
            Person p = person(i);
            sb.append(p.givenName()).append(',').append(p.familyName()).append(',').append(p.birthDate()).append(',')
                    .append(p.email()).append(',').append(p.phone()).append(',').append(p.commune().code()).append(',')
                    .append(String.join("|", p.domains())).append(',').append(String.join("|", p.appellations()))
                    .append(',').append(String.join("|", p.modes())).append(',')
                    .append(p.siret() == null ? "" : p.siret()).append(',')
                    .append(p.employerName() == null ? "" : p.employerName()).append(',')
                    .append(String.join("|", p.formats())).append(',').append(String.join("|", p.languages()))
                    .append(',').append(p.remote()).append('\n');
        }
        return sb.toString();
    }

    /** The registration body of POST /practitioners (wrk's registration script fills in a fresh email). */
    Map<String, Object> registrationBody(int index) {
        Person p = person(index);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("givenName", p.givenName());
        body.put("familyName", p.familyName());
        body.put("birthDate", p.birthDate().toString());
        body.put("email", p.email());
        body.put("phone", p.phone());
        body.put("communeCode", p.commune().code());
        body.put("domains", p.domains());
        body.put("appellations", p.appellations());
        body.put("modes", p.modes());
        body.put("siret", p.siret());
        body.put("employerName", p.employerName());
        body.put("formats", p.formats());
        body.put("languages", p.languages());
        body.put("remote", p.remote());
        return body;
    }

    /** The most populated employment zones, with the main department and region of each. */
    List<Geography.Commune> largestCommunes(int count) {
        return java.util.Arrays.stream(communes).sorted(Comparator.comparingLong(Geography.Commune::population)
                .reversed()).limit(count).toList();
    }

    /** A commune drawn in proportion to its population: where people live, search and are. */
    Geography.Commune communeOfSomeone(SplittableRandom r) {
        return commune(r.nextLong(cumulative[cumulative.length - 1]));
    }

    /** One value of a search filter, drawn with the frequencies of the practitioners. */
    static String filterValue(SplittableRandom r, String filter) {
        return switch (filter) {
            case "domain" -> pick(r, DOMAINS, 1).get(0);
            case "mode" -> pick(r, MODES, 1).get(0);
            case "format" -> pick(r, FORMATS, 1).get(0);
            case "language" -> r.nextInt(2) == 0 ? "fr" : pick(r, OTHER_LANGUAGES, 1).get(0);
            case "remote" -> "true";
            default -> throw new IllegalArgumentException(filter);
        };
    }

    private Geography.Commune commune(long ticket) {
        int i = java.util.Arrays.binarySearch(cumulative, ticket + 1);
        return communes[i >= 0 ? i : -i - 1];
    }

    static List<String> pick(SplittableRandom r, Map<String, Integer> weights, int count) {
        List<String> chosen = new ArrayList<>();
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        for (int attempt = 0; chosen.size() < count && attempt < 20; attempt++) {
            int ticket = r.nextInt(total);
            for (Map.Entry<String, Integer> e : weights.entrySet()) {
                ticket -= e.getValue();
                if (ticket < 0) {
                    if (!chosen.contains(e.getKey())) {
                        chosen.add(e.getKey());
                    }
                    break;
                }
            }
        }
        return chosen;
    }

    /** A SIRET (14 digits) that passes the Luhn check. */
    private static String siret(SplittableRandom r) {
        int[] d = new int[14];
        for (int i = 0; i < 13; i++) {
            d[i] = r.nextInt(10);
        }
        for (int check = 0; check < 10; check++) {
            d[13] = check;
            int sum = 0;
            for (int i = 0; i < 14; i++) {
                int v = d[i] * ((i % 2 == 0) ? 2 : 1);
                sum += v > 9 ? v - 9 : v;
            }
            if (sum % 10 == 0) {
                break;
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int v : d) {
            sb.append(v);
        }
        return sb.toString();
    }

    static Map<String, Integer> weights(Object... pairs) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (Integer) pairs[i + 1]);
        }
        return map;
    }
}
