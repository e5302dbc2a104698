package fr.pairaidance.orientation.web;

import fr.pairaidance.orientation.rest.IndicatorResource;
import fr.pairaidance.orientation.service.AreaScope;
import fr.pairaidance.orientation.service.AreaScopes;
import fr.pairaidance.orientation.service.IndicatorService;
import fr.pairaidance.orientation.service.Indicators;
import fr.pairaidance.platform.reference.Geography;
import fr.pairaidance.platform.web.PlaceFinder;
import fr.pairaidance.platform.web.BarChart;
import fr.pairaidance.platform.web.FormErrors;
import fr.pairaidance.platform.web.PageContext;
import fr.pairaidance.platform.web.Pages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Territory indicators on the web: per zone, department or region, a table, a chart and a CSV download. */
@Path("/")
@PermitAll
public class IndicatorPages {

    private final Pages pages;
    private final IndicatorService indicators;
    private final AreaScopes areas;
    private final PlaceFinder places;
    private final Template template;

    IndicatorPages(Pages pages, IndicatorService indicators, AreaScopes areas, PlaceFinder places,
            @Location("indicators.html") Template template) {
        this.pages = pages;
        this.indicators = indicators;
        this.areas = areas;
        this.places = places;
        this.template = template;
    }

    @GET
    @Path("indicators")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("q") String q, @QueryParam("area") String area) {
        FormErrors errors = FormErrors.none();
        String typed = places.chosenArea(q, area);
        if (typed == null && q != null && !q.isBlank()) {
            List<PlaceFinder.Place> found = places.find(q);
            if (found.size() == 1) {
                return Response.seeOther(URI.create("/indicators?area=" + territoryOf(found.get(0).area()))).build();
            }
            errors.add("q", found.isEmpty() ? pages.messages(OrientationMessages.class).placeNotFound(q)
                    : pages.messages(OrientationMessages.class).placeAmbiguous());
        }
        if (typed != null && typed.startsWith("com:")) {
            return Response.seeOther(URI.create("/indicators?area=" + territoryOf(typed))).build();
        }
        AreaScope scope = areas.parse("area", typed);
        SearchForm form = new SearchForm(q, typed, scope == null ? null : places.label(scope.area()), List.of(), null,
                null, null, null, 1);
        Indicators shown = scope == null ? null : indicators.of(scope);
        PageContext context = pages.context();
        BarChart chart = shown == null ? BarChart.of("domains-chart", "", List.of())
                : BarChart.of("domains-chart", pages.messages(OrientationMessages.class).domainsChartTitle(),
                        shown.byDomain().stream().map(d -> new BarChart.Value(context.term("domains", d.domain()),
                                d.practitioners().value() == null ? 0 : d.practitioners().value(),
                                d.practitioners().suppressed() ? "< " + shown.suppressionThreshold()
                                        : Long.toString(d.practitioners().value()))).toList());
        return Response.status(errors.any() ? 400 : 200).entity(pages.page(template).data("form", form)
                .data("errors", errors).data("i", shown).data("chart", chart)).build();
    }

    @GET
    @Path("indicators.csv")
    @Produces(IndicatorResource.CSV)
    public Response csv(@QueryParam("area") String area) {
        AreaScope scope = IndicatorResource.territory(areas, area);
        String file = "indicators-" + scope.area().toString().replace(':', '-') + ".csv";
        return Response.ok(IndicatorResource.csv(indicators.of(scope)))
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    private String territoryOf(String typedArea) {
        AreaScope scope = areas.parse("area", typedArea);
        if (scope.area().kind() == Geography.Area.Kind.COMMUNE) {
            return scope.zoneCode() != null ? "ze:" + scope.zoneCode() : "dep:" + scope.departmentCode();
        }
        return scope.area().toString();
    }
}
