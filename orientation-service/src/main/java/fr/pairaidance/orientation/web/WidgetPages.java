package fr.pairaidance.orientation.web;

import fr.pairaidance.orientation.config.OrientationConfig;
import fr.pairaidance.orientation.rest.RateLimiter;
import fr.pairaidance.orientation.service.AreaScope;
import fr.pairaidance.orientation.service.AreaScopes;
import fr.pairaidance.orientation.service.CountedSearch;
import fr.pairaidance.orientation.service.SearchCriteria;
import fr.pairaidance.orientation.service.SearchResult;
import fr.pairaidance.platform.problem.ProblemException;
import fr.pairaidance.platform.reference.Geography;
import fr.pairaidance.platform.reference.Vocabularies;
import fr.pairaidance.platform.web.PlaceFinder;
import fr.pairaidance.platform.web.FormErrors;
import fr.pairaidance.platform.web.Pages;
import fr.pairaidance.platform.web.SecurityHeaders;
import fr.pairaidance.platform.web.WebConfig;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The search widget job portals embed ({@code /embed.js}, or an iframe of {@code /embed/search}): framed
 * only by the origins registered for its key (Content-Security-Policy frame-ancestors), rate-limited per
 * key and per visitor, themable within AA contrast, and the integrator's page that shows how.
 */
@Path("/")
@PermitAll
public class WidgetPages {

    private static final Pattern COLOUR = Pattern.compile("[0-9a-fA-F]{6}");
    private static final int RESULTS = 5;

    private final Pages pages;
    private final OrientationConfig config;
    private final WebConfig web;
    private final RateLimiter limiter;
    private final CountedSearch search;
    private final AreaScopes areas;
    private final PlaceFinder places;
    private final Geography geography;
    private final Vocabularies vocabularies;
    private final Template embed;
    private final Template integrate;

    WidgetPages(Pages pages, OrientationConfig config, WebConfig web, RateLimiter limiter, CountedSearch search,
            AreaScopes areas, PlaceFinder places, Geography geography, Vocabularies vocabularies,
            @Location("embed.html") Template embed, @Location("integrate.html") Template integrate) {
        this.pages = pages;
        this.config = config;
        this.web = web;
        this.limiter = limiter;
        this.search = search;
        this.areas = areas;
        this.places = places;
        this.geography = geography;
        this.vocabularies = vocabularies;
        this.embed = embed;
        this.integrate = integrate;
    }

    /**
     * The widget itself. Its key must be registered; the page may be framed by the key's origins (and by
     * this site, for the integrator's preview) and by nobody else, which browsers enforce.
     */
    @GET
    @Path("embed/search")
    @Produces(MediaType.TEXT_HTML)
    public Response widget(@QueryParam("key") String key, @QueryParam("area") String area,
            @QueryParam("q") String q, @QueryParam("domain") String domain, @QueryParam("page") String page,
            @QueryParam("colour") String colour, HttpServerRequest request) {
        OrientationConfig.Widget widget = key == null ? null : config.widgets().get(key);
        if (widget == null) {
            throw ProblemException.notFound("Widget key", String.valueOf(key));
        }
        String ancestors = ("'self' " + String.join(" ", widget.origins().orElse(List.of()))).strip();
        String policy = SecurityHeaders.policy(web, ancestors);
        String visitor = request.remoteAddress() == null ? "unknown" : request.remoteAddress().host();
        long wait = Math.max(limiter.tryAcquire("widget:" + key, widget.requestsPerMinute()),
                limiter.tryAcquire("widget:" + key + ":" + visitor, widget.requestsPerMinutePerVisitor()));
        String theme = colour != null && COLOUR.matcher(colour).matches() ? colour.toLowerCase() : null;
        TemplateInstance view = pages.page(embed).data("key", key).data("portal", widget.portal())
                .data("colour", theme).data("errors", FormErrors.none());
        if (wait > 0) {
            return Response.status(429).header("Retry-After", wait).header(SecurityHeaders.CSP, policy)
                    .entity(view.data("limited", true).data("wait", wait).data("form", form(null, null, null))
                            .data("result", null))
                    .build();
        }
        FormErrors errors = FormErrors.none();
        String typed = places.chosenArea(q, area);
        if (typed == null && q != null && !q.isBlank()) {
            List<PlaceFinder.Place> found = places.find(q);
            if (found.size() == 1) {
                typed = found.get(0).area();
            } else {
                errors.add("q", found.isEmpty() ? pages.messages(OrientationMessages.class).placeNotFound(q)
                        : pages.messages(OrientationMessages.class).placeAmbiguous());
            }
        }
        String chosenDomain = domain != null && vocabularies.contains(Vocabularies.DOMAINS, domain) ? domain : null;
        AreaScope scope = errors.any() ? null : areas.parse("area", typed);
        int pageNumber = fr.pairaidance.platform.rest.QueryParams.integer("page", page, 1, 1, 1000);
        SearchForm form = new SearchForm(errors.any() ? q : null, typed, scope == null ? null : places.label(scope.area()),
                chosenDomain == null ? List.of() : List.of(chosenDomain), null, null, null, null, pageNumber);
        SearchResult result = null;
        if (scope != null) {
            SearchCriteria criteria = new SearchCriteria(scope, form.domains(), null, null, null, null, null,
                    pageNumber - 1, RESULTS);
            result = search.search(criteria);
            if (widget.counted()) {
                search.searched(criteria, result.areaHasMatches());
            }
        }
        return Response.ok(view.data("limited", false).data("wait", 0).data("form", form).data("errors", errors)
                .data("result", result == null ? null : new WidgetResult(
                        result.items().stream().map(h -> Card.of(h, geography)).toList(), result.total(), pageNumber,
                        (int) Math.max(1, (result.total() + RESULTS - 1) / RESULTS))))
                .header(SecurityHeaders.CSP, policy).build();
    }

    /** A page of the widget's results. */
    @io.quarkus.qute.TemplateData
    public record WidgetResult(List<Card> cards, long total, int page, int pages) {

        public boolean hasNext() {
            return page < pages;
        }

        public int nextPage() {
            return page + 1;
        }
    }

    /** The portal's colour for buttons and links, when it keeps AA contrast on white (else the default). */
    @GET
    @Path("embed/theme.css")
    @Produces("text/css")
    public Response theme(@QueryParam("colour") String colour) {
        String css = "";
        if (colour != null && COLOUR.matcher(colour).matches() && contrastOnWhite(colour) >= 4.5) {
            css = ":root { --primary: #" + colour.toLowerCase() + "; --primary-dark: #" + colour.toLowerCase() + "; }\n";
        }
        return Response.ok(css).header("Cache-Control", "public, max-age=86400").build();
    }

    @GET
    @Path("integrate")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance integrate() {
        Map<String, OrientationConfig.Widget> keys = new TreeMap<>(config.widgets());
        // The preview uses a key whose searches are not counted, when one is configured.
        String previewKey = keys.entrySet().stream().filter(e -> !e.getValue().counted()).map(Map.Entry::getKey)
                .findFirst().orElse(keys.isEmpty() ? null : keys.keySet().iterator().next());
        return pages.page(integrate).data("previewKey", previewKey).data("base", web.sites().get(web.site()))
                .data("keys", keys.keySet());
    }

    private static SearchForm form(String q, String area, String label) {
        return new SearchForm(q, area, label, List.of(), null, null, null, null, 1);
    }

    /** WCAG contrast ratio of a colour (rrggbb) against white. */
    static double contrastOnWhite(String rgb) {
        double l = 0;
        double[] weights = {0.2126, 0.7152, 0.0722};
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(rgb.substring(i * 2, i * 2 + 2), 16) / 255.0;
            c = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
            l += weights[i] * c;
        }
        return 1.05 / (l + 0.05);
    }
}
