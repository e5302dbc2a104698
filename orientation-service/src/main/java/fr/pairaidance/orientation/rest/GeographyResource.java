package fr.pairaidance.orientation.rest;

import fr.pairaidance.orientation.config.OrientationConfig;
import fr.pairaidance.orientation.service.AreaScope;
import fr.pairaidance.orientation.service.AreaScopes;
import fr.pairaidance.platform.problem.ProblemException;
import fr.pairaidance.platform.reference.Geography;
import fr.pairaidance.platform.rest.QueryParams;
import fr.pairaidance.platform.security.CurrentCaller;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/geography")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Geography")
public class GeographyResource {

    private final Geography geography;
    private final AreaScopes areas;
    private final HttpCache cache;
    private final CurrentCaller caller;
    private final OrientationConfig config;

    GeographyResource(Geography geography, AreaScopes areas, HttpCache cache, CurrentCaller caller,
            OrientationConfig config) {
        this.geography = geography;
        this.areas = areas;
        this.cache = cache;
        this.caller = caller;
        this.config = config;
    }

    @GET
    @Path("/communes")
    @PermitAll
    @Operation(summary = "Find communes with their employment zone, department and region",
            description = "Give exactly one of code (typed, com:69123), postalCode or name (prefix, accents and case ignored). "
                    + "INSEE data " + Geography.VERSION + ".")
    @APIResponse(responseCode = "200", description = "Matching communes, largest first among equal names")
    @APIResponse(responseCode = "400", description = "None or several of code, postalCode, name; or a wrong one")
    public Response communes(
            @QueryParam("code") @Parameter(example = "com:69123") String code,
            @QueryParam("postalCode") @Parameter(example = "69001") String postalCode,
            @QueryParam("name") @Parameter(example = "saint-etienne") String name,
            @QueryParam("limit") @Parameter(description = "1 to 50, default 10") String limit,
            @Context Request request) {
        long given = Stream.of(code, postalCode, name).filter(v -> v != null && !v.isBlank()).count();
        if (given != 1) {
            throw ProblemException.badRequest("code", "give exactly one of code, postalCode or name");
        }
        int max = QueryParams.integer("limit", limit, 10, 1, 50);
        List<Geography.Commune> found;
        if (code != null && !code.isBlank()) {
            Geography.Area area = geography.parseArea("code", code.strip());
            if (area.kind() != Geography.Area.Kind.COMMUNE) {
                throw ProblemException.badRequest("code", "must be a commune code: com:<INSEE code>");
            }
            found = List.of(geography.commune(area.code()).orElseThrow());
        } else if (postalCode != null && !postalCode.isBlank()) {
            if (!postalCode.strip().matches("\\d{5}")) {
                throw ProblemException.badRequest("postalCode", "must be 5 digits");
            }
            found = geography.communesWithPostalCode(postalCode.strip()).stream().limit(max).toList();
        } else {
            if (Geography.normalise(name).length() < 2) {
                throw ProblemException.badRequest("name", "must have at least 2 letters or digits");
            }
            found = geography.communesNamed(name, max);
        }
        return cache.ok(request, caller.get(), new GeographyViews.Communes(
                found.stream().map(c -> GeographyViews.CommuneView.of(c, geography)).toList()),
                config.caching().geographyMaxAge());
    }

    @GET
    @Path("/zones")
    @PermitAll
    @Operation(summary = "Employment zones (zones d'emploi 2020) having communes in an area",
            description = "area is typed: dep:69 (department 69) or reg:53 (region Bretagne), never a bare code.")
    @APIResponse(responseCode = "200", description = "Zones by code")
    @APIResponse(responseCode = "400", description = "area missing, malformed or unknown")
    public Response zones(@QueryParam("area") @Parameter(required = true, example = "dep:69") String area,
            @Context Request request) {
        if (area == null || area.isBlank()) {
            throw ProblemException.badRequest("area", "is required: dep:<department>, reg:<region>, ze:<zone> or com:<commune>");
        }
        Geography.Area parsed = areas.parse("area", area).area();
        List<GeographyViews.ZoneView> zones = geography.zonesIn(parsed).stream().map(z -> {
            AreaScope zone = areas.parse("area", "ze:" + z.code());
            return new GeographyViews.ZoneView(z.code(), z.name(), Place.department(zone.departmentCode(), geography),
                    Place.region(zone.regionCode(), geography));
        }).toList();
        return cache.ok(request, caller.get(), new GeographyViews.Zones(parsed.toString(), zones),
                config.caching().geographyMaxAge());
    }
}
