package fr.pairaidance.orientation.rest;

import fr.pairaidance.platform.reference.Geography;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A place: its INSEE code and name. */
@Schema(example = "{\"code\": \"8421\", \"name\": \"Lyon\"}")
public record Place(String code, String name) {

    static Place zone(String code, Geography geo) {
        return code == null ? null : new Place(code, geo.zone(code).map(Geography.Zone::name).orElse(null));
    }

    static Place department(String code, Geography geo) {
        return code == null ? null : new Place(code, geo.department(code).map(Geography.Department::name).orElse(null));
    }

    static Place region(String code, Geography geo) {
        return code == null ? null : new Place(code, geo.region(code).map(Geography.Region::name).orElse(null));
    }

    static Place commune(String code, Geography geo) {
        return code == null ? null : new Place(code, geo.commune(code).map(Geography.Commune::name).orElse(null));
    }
}
