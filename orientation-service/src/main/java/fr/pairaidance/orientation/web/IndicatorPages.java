package fr.pairaidance.orientation.web;

import fr.pairaidance.orientation.rest.IndicatorResource;
import fr.pairaidance.orientation.service.AreaScope;
import fr.pairaidance.orientation.service.AreaScopes;
import fr.pairaidance.orientation.service.IndicatorService;
import fr.pairaidance.orientation.service.Indicators;
import fr.pairaidance.platform.reference.Geography;
import fr.pairaidance.platform.web.FormErrors;
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

    /** One bar of the domains chart. */
    @TemplateData
    public record Bar(String domain, String display, int y, int width, int textY) {

        /** Where the figure is written: after the bar. */
        public int labelX() {
            return 206 + width;
        }
    }

    @GET
    @Path("indicators")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@QueryParam("q") String q, @QueryParam("area") String area) {
        FormErrors errors = FormErrors.none();
        String typed = area == null || area.isBlank() ? null : area.strip();
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
        List<Bar> bars = shown == null ? List.of() : bars(shown);
        return Response.status(errors.any() ? 400 : 200).entity(pages.page(template).data("form", form)
                .data("errors", errors).data("i", shown).data("bars", bars).data("chartHeight", bars.size() * 34 + 10))
                .build();
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

    static List<Bar> bars(Indicators i) {
        long max = i.byDomain().stream().mapToLong(d -> d.practitioners().value() == null ? 0 : d.practitioners().value())
                .max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        int n = 0;
        for (Indicators.DomainCount d : i.byDomain()) {
            long value = d.practitioners().value() == null ? 0 : d.practitioners().value();
            String display = d.practitioners().suppressed() ? "< " + i.suppressionThreshold() : Long.toString(value);
            bars.add(new Bar(d.domain(), display, n * 34 + 5, max == 0 ? 0 : (int) Math.round(300.0 * value / max),
                    n * 34 + 22));
            n++;
        }
        return bars;
    }
}
