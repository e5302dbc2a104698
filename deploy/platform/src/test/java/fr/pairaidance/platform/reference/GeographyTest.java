package fr.pairaidance.platform.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The shipped geography is whole: every code a commune points to can be looked up. */
class GeographyTest {

    private static final Geography GEOGRAPHY = new Geography();

    @Test
    void everyCommunesZoneDepartmentAndRegionIsKnown() {
        List<String> unknown = GEOGRAPHY.communes().stream()
                .filter(c -> (c.zoneCode() != null && GEOGRAPHY.zone(c.zoneCode()).isEmpty())
                        || GEOGRAPHY.department(c.departmentCode()).isEmpty()
                        || GEOGRAPHY.region(c.regionCode()).isEmpty())
                .map(Geography.Commune::code).toList();
        assertTrue(unknown.isEmpty(), unknown.size() + " communes point to unknown codes, e.g. "
                + unknown.stream().limit(5).toList());
    }

    @Test
    void guyaneAndMayotteHaveNamedZones() {
        assertEquals("Cayenne", GEOGRAPHY.commune("97302").flatMap(c -> GEOGRAPHY.zone(c.zoneCode())).orElseThrow().name());
        assertEquals("Mayotte", GEOGRAPHY.commune("97611").flatMap(c -> GEOGRAPHY.zone(c.zoneCode())).orElseThrow().name());
    }

    @Test
    void communesNamedAreEveryCommuneWhoseNameStartsSoLargestFirstAmongEqualNames() {
        assertEquals(List.of("Saint-Étienne", "Saint-Étienne-à-Arnes"), GEOGRAPHY.communesNamed("SAINT ETIENNE", 2)
                .stream().map(Geography.Commune::name).toList());
        assertEquals("Paris", GEOGRAPHY.communesNamed("paris", 1).get(0).name());
        assertEquals(List.of(), GEOGRAPHY.communesNamed("zzzz", 10));
        // Against a plain scan of every commune, for every one- and two-letter prefix and a few longer ones.
        List<String> prefixes = new java.util.ArrayList<>(List.of("", "saint ", "sainte marie", "le ", "y", "aast"));
        for (char a = 'a'; a <= 'z'; a++) {
            prefixes.add(String.valueOf(a));
            for (char b = 'a'; b <= 'z'; b++) {
                prefixes.add("" + a + b);
            }
        }
        List<java.util.Map.Entry<String, Geography.Commune>> byName = GEOGRAPHY.communes().stream()
                .map(c -> java.util.Map.entry(Geography.normalise(c.name()), c))
                .sorted(java.util.Map.Entry.<String, Geography.Commune>comparingByKey()
                        .thenComparing(e -> -e.getValue().population()))
                .toList();
        for (String prefix : prefixes) {
            String key = Geography.normalise(prefix);
            List<Geography.Commune> expected = byName.stream().filter(e -> e.getKey().startsWith(key)).limit(8)
                    .map(java.util.Map.Entry::getValue).toList();
            assertEquals(expected, GEOGRAPHY.communesNamed(prefix, 8), "prefix '" + prefix + "'");
        }
    }
}
