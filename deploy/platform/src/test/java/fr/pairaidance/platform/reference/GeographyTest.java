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
}
