package fr.pairaidance.orientation.rest;

import fr.pairaidance.platform.reference.Geography;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Geography answers. */
final class GeographyViews {

    private GeographyViews() {
    }

    @Schema(example = """
            {"code": "69123", "name": "Lyon", "postalCodes": ["69001"], "population": 522250,
             "zone": {"code": "8421", "name": "Lyon"}, "department": {"code": "69", "name": "Rhône"},
             "region": {"code": "84", "name": "Auvergne-Rhône-Alpes"}}""")
    record CommuneView(String code, String name, List<String> postalCodes, long population, Place zone,
            Place department, Place region) {

        static CommuneView of(Geography.Commune c, Geography geo) {
            return new CommuneView(c.code(), c.name(), c.postalCodes(), c.population(), Place.zone(c.zoneCode(), geo),
                    Place.department(c.departmentCode(), geo), Place.region(c.regionCode(), geo));
        }
    }

    @Schema(description = "An employment zone (zone d'emploi 2020) and the department holding most of its population")
    record ZoneView(String code, String name, Place mainDepartment, Place region) {
    }

    record Communes(List<CommuneView> items) {
    }

    record Zones(String area, List<ZoneView> items) {
    }
}
