package fr.pairaidance.platform.reference;

import fr.pairaidance.platform.problem.ProblemException;
import jakarta.inject.Singleton;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * INSEE geography (regions, departments, communes, zones d'emploi 2020), loaded once from the
 * resources described in {@code fr/pairaidance/reference/README.md}.
 */
@Singleton
public class Geography {

    public static final String VERSION = "geo-2024.1";
    private static final String BASE = "fr/pairaidance/reference/";

    public record Region(String code, String name) {
    }

    public record Department(String code, String regionCode, String name) {
    }

    public record Zone(String code, String name) {
    }

    public record Commune(String code, String name, String departmentCode, String regionCode, String zoneCode,
            long population, List<String> postalCodes) {
    }

    private final Map<String, Region> regions;
    private final Map<String, Department> departments;
    private final Map<String, Zone> zones;
    private final Map<String, Commune> communes;
    private final Map<String, List<Commune>> communesByPostalCode;
    private final List<Map.Entry<String, Commune>> communesByNormalisedName;

    public Geography() {
        regions = index(read("regions.csv", r -> new Region(r[0], r[1])), Region::code);
        departments = index(read("departments.csv", r -> new Department(r[0], r[1], r[2])), Department::code);
        zones = index(read("zones.csv", r -> new Zone(r[0], r[1])), Zone::code);
        // One instance per distinct code: the 35 000 communes share ~100 department, 18 region and ~300 zone
        // codes and ~6 000 postal codes; parsed per line they were ~140 000 strings held by every service.
        Map<String, String> codes = new HashMap<>();
        UnaryOperator<String> shared = code -> codes.computeIfAbsent(code, c -> c);
        communes = index(read("communes.csv", r -> new Commune(r[0], r[1], shared.apply(r[2]), shared.apply(r[3]),
                r[4].isEmpty() ? null : shared.apply(r[4]), Long.parseLong(r[5]),
                r.length > 6 && !r[6].isEmpty() ? Arrays.stream(r[6].split(" ")).map(shared).toList() : List.of())),
                Commune::code);
        communesByPostalCode = new HashMap<>();
        communes.values().forEach(c -> c.postalCodes().forEach(
                pc -> communesByPostalCode.computeIfAbsent(pc, k -> new ArrayList<>()).add(c)));
        communesByNormalisedName = communes.values().stream()
                .map(c -> Map.entry(normalise(c.name()), c))
                .sorted(Map.Entry.<String, Commune>comparingByKey().thenComparing(e -> -e.getValue().population()))
                .toList();
    }

    public Optional<Region> region(String code) {
        return Optional.ofNullable(regions.get(code));
    }

    public Optional<Department> department(String code) {
        return Optional.ofNullable(departments.get(code));
    }

    public Optional<Zone> zone(String code) {
        return Optional.ofNullable(zones.get(code));
    }

    public Optional<Commune> commune(String code) {
        return Optional.ofNullable(code == null ? null : communes.get(code));
    }

    public Collection<Commune> communes() {
        return communes.values();
    }

    public Collection<Zone> zones() {
        return zones.values();
    }

    public Collection<Department> departments() {
        return departments.values();
    }

    public Collection<Region> regions() {
        return regions.values();
    }

    public List<Commune> communesWithPostalCode(String postalCode) {
        return communesByPostalCode.getOrDefault(postalCode, List.of());
    }

    /**
     * Communes whose name starts with the prefix, accents and case ignored, largest first among equals: the
     * names sharing a prefix are one run of the sorted names, found by binary search.
     */
    public List<Commune> communesNamed(String prefix, int limit) {
        String key = normalise(prefix);
        int low = 0;
        int high = communesByNormalisedName.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (communesByNormalisedName.get(middle).getKey().compareTo(key) < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        List<Commune> found = new ArrayList<>();
        for (int i = low; i < communesByNormalisedName.size() && found.size() < limit; i++) {
            Map.Entry<String, Commune> entry = communesByNormalisedName.get(i);
            if (!entry.getKey().startsWith(key)) {
                break;
            }
            found.add(entry.getValue());
        }
        return List.copyOf(found);
    }

    /** The zones that have at least one commune in the area, by code. */
    public List<Zone> zonesIn(Area area) {
        return communes.values().stream().filter(c -> c.zoneCode() != null && area.contains(c))
                .map(Commune::zoneCode).distinct().sorted().map(zones::get).toList();
    }

    /** The department holding most of the zone's population (a zone may straddle departments). */
    public Optional<Department> mainDepartmentOf(String zoneCode) {
        return communes.values().stream().filter(c -> zoneCode.equals(c.zoneCode()))
                .collect(Collectors.groupingBy(Commune::departmentCode, Collectors.summingLong(Commune::population)))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(e -> departments.get(e.getKey()));
    }

    public long population(Area area) {
        return communes.values().stream().filter(area::contains).mapToLong(Commune::population).sum();
    }

    /**
     * Parses a typed area code ({@code ze:1109}, {@code dep:69}, {@code reg:84}, {@code com:69123}).
     *
     * @param parameter the query parameter carrying it, named in the 400 problem when it is wrong
     */
    public Area parseArea(String parameter, String value) {
        if (value == null || !value.contains(":")) {
            throw ProblemException.badRequest(parameter,
                    "must be a typed area code: ze:<zone>, dep:<department>, reg:<region> or com:<commune>");
        }
        String prefix = value.substring(0, value.indexOf(':'));
        String code = value.substring(value.indexOf(':') + 1);
        Area.Kind kind = Arrays.stream(Area.Kind.values()).filter(k -> k.prefix.equals(prefix)).findFirst()
                .orElseThrow(() -> ProblemException.badRequest(parameter,
                        "unknown area kind '" + prefix + "': use ze, dep, reg or com"));
        boolean known = switch (kind) {
            case ZONE -> zones.containsKey(code);
            case DEPARTMENT -> departments.containsKey(code);
            case REGION -> regions.containsKey(code);
            case COMMUNE -> communes.containsKey(code);
        };
        if (!known) {
            throw ProblemException.badRequest(parameter, "unknown " + kind.label + " code '" + code + "'");
        }
        return new Area(kind, code);
    }

    /** A typed area: the kind says which code space the code belongs to. */
    public record Area(Kind kind, String code) {

        public enum Kind {
            ZONE("ze", "employment zone"), DEPARTMENT("dep", "department"), REGION("reg", "region"),
            COMMUNE("com", "commune");

            public final String prefix;
            public final String label;

            Kind(String prefix, String label) {
                this.prefix = prefix;
                this.label = label;
            }
        }

        public boolean contains(Commune commune) {
            return switch (kind) {
                case ZONE -> code.equals(commune.zoneCode());
                case DEPARTMENT -> code.equals(commune.departmentCode());
                case REGION -> code.equals(commune.regionCode());
                case COMMUNE -> code.equals(commune.code());
            };
        }

        @Override
        public String toString() {
            return kind.prefix + ":" + code;
        }
    }

    public static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
    }

    private static <T> List<T> read(String file, Function<String[], T> parser) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(BASE + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing reference data " + BASE + file);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().skip(1).map(line -> parser.apply(line.split(";", -1))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
        Map<String, T> map = new LinkedHashMap<>();
        items.stream().sorted(Comparator.comparing(key)).forEach(i -> map.put(key.apply(i), i));
        return Map.copyOf(map);
    }
}
