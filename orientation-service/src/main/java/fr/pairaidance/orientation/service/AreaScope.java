package fr.pairaidance.orientation.service;

import fr.pairaidance.platform.reference.Geography;
import fr.pairaidance.platform.reference.Geography.Area;

/**
 * The zone, department and region an area belongs to, the rungs of the search ladder: a zone's
 * department is the one holding most of its population. Null rungs do not apply (a department has
 * no zone; a region has neither).
 *
 * @param primary the level of the area itself: results there are "in the area"
 */
public record AreaScope(Area area, String zoneCode, String departmentCode, String regionCode, Level primary) {

    /** How a result matched the area, from the closest. */
    public enum Level { ZONE, DEPARTMENT, REGION, REMOTE }

    public static AreaScope of(Area area, Geography geography) {
        return switch (area.kind()) {
            case COMMUNE -> {
                Geography.Commune c = geography.commune(area.code()).orElseThrow();
                yield new AreaScope(area, c.zoneCode(), c.departmentCode(), c.regionCode(), Level.ZONE);
            }
            case ZONE -> {
                Geography.Department d = geography.mainDepartmentOf(area.code()).orElseThrow();
                yield new AreaScope(area, area.code(), d.code(), d.regionCode(), Level.ZONE);
            }
            case DEPARTMENT -> new AreaScope(area, null, area.code(),
                    geography.department(area.code()).orElseThrow().regionCode(), Level.DEPARTMENT);
            case REGION -> new AreaScope(area, null, null, area.code(), Level.REGION);
        };
    }
}
