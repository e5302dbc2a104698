package fr.pairaidance.orientation.rest;

import fr.pairaidance.orientation.service.AreaScope;
import fr.pairaidance.orientation.service.AreaScopes;
import fr.pairaidance.orientation.service.IndicatorService;
import fr.pairaidance.orientation.service.Indicators;
import fr.pairaidance.orientation.service.Indicators.Count;
import fr.pairaidance.platform.problem.ProblemException;
import fr.pairaidance.platform.reference.Geography;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/indicators")
@Tag(name = "Territory indicators")
public class IndicatorResource {

    public static final String CSV = "text/csv";
    private static final MediaType CSV_TYPE = MediaType.valueOf(CSV);
    private static final List<Variant> REPRESENTATIONS =
            Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE, CSV_TYPE).build();

    private final IndicatorService indicators;
    private final AreaScopes areas;

    IndicatorResource(IndicatorService indicators, AreaScopes areas) {
        this.indicators = indicators;
        this.areas = areas;
    }

    @GET
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @Operation(summary = "Indicators of a zone, department or region",
            description = "Labelled practitioners in total, per 100,000 inhabitants and per domain; orientation requests "
                    + "and acceptance rate; unmet demand (searches and requests that found nobody in the area). "
                    + "Counts from 1 to 4 are suppressed. Send Accept: text/csv for CSV.")
    @APIResponse(responseCode = "400", description = "area missing, malformed, unknown, or a commune")
    @APIResponse(responseCode = "200", description = "JSON, or CSV (indicator,key,value,suppressed) for Accept: text/csv",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Indicators.class)),
                @Content(mediaType = CSV)})
    public Response indicators(@QueryParam("area") @Parameter(required = true, example = "dep:69") String area,
            @Context Request request) {
        Indicators i = indicators.of(territory(areas, area));
        // The Accept header's preferences (q-values, text/*) choose; JSON when both are as welcome. Selecting a
        // variant also answers Vary: Accept.
        Variant chosen = request.selectVariant(REPRESENTATIONS);
        return chosen != null && chosen.getMediaType().equals(CSV_TYPE) ? Response.ok(csv(i), CSV_TYPE).build()
                : Response.ok(i, MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** The indicators as CSV: one line per figure (indicator, key, value, suppressed). */
    public static String csv(Indicators i) {
        StringBuilder csv = new StringBuilder("indicator,key,value,suppressed\n");
        line(csv, "area", i.area(), i.areaName(), false);
        line(csv, "population", "", Long.toString(i.population()), false);
        count(csv, "labelled_practitioners", "", i.labelledPractitioners());
        line(csv, "practitioners_per_100k", "", decimal(i.practitionersPer100k()), i.practitionersPer100k() == null);
        i.byDomain().forEach(d -> count(csv, "practitioners_by_domain", d.domain(), d.practitioners()));
        count(csv, "requests", "sent", i.requests().sent());
        count(csv, "requests", "accepted", i.requests().accepted());
        count(csv, "requests", "declined", i.requests().declined());
        count(csv, "requests", "expired", i.requests().expired());
        count(csv, "requests", "pending", i.requests().pending());
        line(csv, "acceptance_rate", "", decimal(i.requests().acceptanceRate()), i.requests().acceptanceRate() == null);
        count(csv, "unmet_demand", "searches", i.unmetDemand().searches());
        count(csv, "unmet_demand", "searches_with_nobody_in_area", i.unmetDemand().searchesWithNobodyInArea());
        count(csv, "unmet_demand", "requests_with_nobody_in_area", i.unmetDemand().requestsWithNobodyInArea());
        return csv.toString();
    }

    /** A zone, department or region: the areas indicators are given for (a 400 problem naming area otherwise). */
    public static AreaScope territory(AreaScopes areas, String area) {
        if (area == null || area.isBlank()) {
            throw ProblemException.badRequest("area", "is required: ze:<zone>, dep:<department> or reg:<region>");
        }
        AreaScope scope = areas.parse("area", area);
        if (scope.area().kind() == Geography.Area.Kind.COMMUNE) {
            throw ProblemException.badRequest("area", "indicators are given per zone, department or region");
        }
        return scope;
    }

    private static void count(StringBuilder csv, String indicator, String key, Count count) {
        line(csv, indicator, key, count.value() == null ? "" : count.value().toString(), count.suppressed());
    }

    private static void line(StringBuilder csv, String indicator, String key, String value, boolean suppressed) {
        csv.append(indicator).append(',').append(quote(key)).append(',').append(quote(value)).append(',')
                .append(suppressed).append('\n');
    }

    private static String decimal(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static String quote(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
