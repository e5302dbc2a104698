package fr.pairaidance.orientation.web;

import fr.pairaidance.orientation.config.OrientationConfig;
import fr.pairaidance.orientation.persistence.Listing;
import fr.pairaidance.orientation.service.AreaScope;
import fr.pairaidance.orientation.service.AreaScopes;
import fr.pairaidance.orientation.service.IndicatorService;
import fr.pairaidance.orientation.service.CountedSearch;
import fr.pairaidance.orientation.service.SearchCriteria;
import fr.pairaidance.orientation.service.SearchResult;
import fr.pairaidance.platform.problem.ProblemException;
import fr.pairaidance.platform.reference.Geography;
import fr.pairaidance.platform.reference.Vocabularies;
import fr.pairaidance.platform.rest.QueryParams;
import fr.pairaidance.platform.web.PlaceFinder;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The employer platform's public pages: home, search results, a practitioner's page, the regional
 * front doors (one per region and per employment zone) and the guide for employers.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@PermitAll
public class SearchPages {

    static final int PAGE_SIZE = 10;

    private final Pages pages;
    private final CountedSearch search;
    private final AreaScopes areas;
    private final PlaceFinder places;
    private final Geography geography;
    private final Vocabularies vocabularies;
    private final IndicatorService indicators;
    private final OrientationConfig config;
    private final Template home;
    private final Template results;
    private final Template practitioner;
    private final Template territory;
    private final Template guide;

    SearchPages(Pages pages, CountedSearch search, AreaScopes areas, PlaceFinder places, Geography geography,
            Vocabularies vocabularies, IndicatorService indicators, OrientationConfig config,
            @Location("home.html") Template home, @Location("search.html") Template results,
            @Location("practitioner.html") Template practitioner, @Location("territory.html") Template territory,
            @Location("guide.html") Template guide) {
        this.pages = pages;
        this.search = search;
        this.areas = areas;
        this.places = places;
        this.geography = geography;
        this.vocabularies = vocabularies;
        this.indicators = indicators;
        this.config = config;
        this.home = home;
        this.results = results;
        this.practitioner = practitioner;
        this.territory = territory;
        this.guide = guide;
    }

    @GET
    public TemplateInstance home() {
        return pages.page(home).data("form", emptyForm()).data("errors", FormErrors.none())
                .data("regions", geography.regions().stream().sorted(Comparator.comparing(Geography.Region::name))
                        .toList());
    }

    /**
     * Results of a search. A place typed as text is looked up first: one place found, and the page moves
     * to that area's address (shareable, and the back button returns to it); several, and the person
     * chooses; none, and the form says so next to the place box.
     */
    @GET
    @Path("search")
    public Response results(@QueryParam("q") String q, @QueryParam("area") String area,
            @QueryParam("domain") List<String> domains, @QueryParam("mode") String mode,
            @QueryParam("format") String format, @QueryParam("language") String language,
            @QueryParam("remote") String remote, @QueryParam("page") String page) {
        SearchForm form = new SearchForm(q, area, null, domains, mode, format, language, remote,
                QueryParams.integer("page", page, 1, 1, 1000));
        OrientationMessages msg = pages.messages(OrientationMessages.class);
        String chosen = places.chosenArea(q, area);
        if (chosen != null && q != null) {
            // The place box still shows the chosen area: the search moves to that area's own address.
            return Response.seeOther(URI.create(form.withArea(chosen, null).url(form.page()))).build();
        }
        if (chosen == null && q != null && !q.isBlank()) {
            List<PlaceFinder.Place> found = places.find(q);
            if (found.size() == 1) {
                return Response.seeOther(URI.create(form.withArea(found.get(0).area(), null).url(1))).build();
            }
            FormErrors errors = FormErrors.none();
            if (found.isEmpty()) {
                errors.add("q", msg.placeNotFound(q.strip()));
            }
            return Response.ok(pages.page(results).data("form", form).data("errors", errors)
                    .data("choices", found).data("result", null).data("facets", List.of())).build();
        }
        AreaScope scope = areas.parse("area", area);
        SearchForm shown = scope == null ? form
                : new SearchForm(null, area.strip(), places.label(scope.area()), domains, mode, format, language,
                        remote, form.page());
        SearchCriteria criteria = new SearchCriteria(scope, shown.domains(), null, blankToNull(mode),
                blankToNull(format), blankToNull(language), QueryParams.bool("remote", remote), shown.page() - 1,
                PAGE_SIZE);
        checkCodes(criteria);
        SearchResult result = search.search(criteria);
        search.searched(criteria, result.areaHasMatches());
        PageContext context = pages.context();
        return Response.ok(pages.page(results).data("form", shown).data("errors", FormErrors.none())
                .data("choices", List.of()).data("result", view(result, scope))
                .data("facets", facets(result.facets(), shown, context))).build();
    }

    @GET
    @Path("practitioners/{registryNumber}")
    public TemplateInstance practitioner(@PathParam("registryNumber") String registryNumber) {
        Listing listing = Listing.findByRegistryNumber(registryNumber)
                .orElseThrow(() -> ProblemException.notFound("Published practitioner", registryNumber));
        return pages.page(practitioner).data("card", Card.of(listing, geography));
    }

    @GET
    @Path("regions/{code}")
    public TemplateInstance region(@PathParam("code") String code) {
        Geography.Region region = geography.region(code)
                .orElseThrow(() -> ProblemException.notFound("Region", code));
        AreaScope scope = areas.parse("area", "reg:" + region.code());
        List<Geography.Department> departments = geography.departments().stream()
                .filter(d -> d.regionCode().equals(region.code())).sorted(Comparator.comparing(Geography.Department::code))
                .toList();
        List<PlaceFinder.Place> zones = geography.zonesIn(scope.area()).stream()
                .map(z -> new PlaceFinder.Place(z.code(), z.name())).toList();
        return territoryPage(scope, region.name(), region.code(), null, departments, zones);
    }

    @GET
    @Path("zones/{code}")
    public TemplateInstance zone(@PathParam("code") String code) {
        Geography.Zone zone = geography.zone(code).orElseThrow(() -> ProblemException.notFound("Employment zone", code));
        AreaScope scope = areas.parse("area", "ze:" + zone.code());
        Geography.Region region = geography.region(scope.regionCode()).orElseThrow();
        return territoryPage(scope, zone.name(), region.code(), region, List.of(), List.of());
    }

    /** Finds the employment zone of a postal code, for a visitor looking for their front door. */
    @GET
    @Path("where")
    public Response where(@QueryParam("postalCode") String postalCode) {
        List<Geography.Commune> communes = postalCode == null ? List.of()
                : geography.communesWithPostalCode(postalCode.strip());
        if (communes.isEmpty() || communes.get(0).zoneCode() == null) {
            return Response.seeOther(URI.create("/search?q="
                    + java.net.URLEncoder.encode(postalCode == null ? "" : postalCode, java.nio.charset.StandardCharsets.UTF_8)))
                    .build();
        }
        return Response.seeOther(URI.create("/zones/" + communes.get(0).zoneCode())).build();
    }

    @GET
    @Path("guide")
    public TemplateInstance guide() {
        return pages.page(guide);
    }

    private TemplateInstance territoryPage(AreaScope scope, String name, String regionCode, Geography.Region parent,
            List<Geography.Department> departments, List<PlaceFinder.Place> zones) {
        SearchForm form = new SearchForm(null, scope.area().toString(), places.label(scope.area()), List.of(), null,
                null, null, null, 1);
        OrientationConfig.Operator operator = config.regionalOperators().get(regionCode);
        return pages.page(territory).data("name", name).data("scope", scope.area().toString()).data("form", form)
                .data("errors", FormErrors.none()).data("indicators", indicators.of(scope))
                .data("operator", operator).data("parent", parent).data("departments", departments)
                .data("zones", zones);
    }

    private SearchForm emptyForm() {
        return new SearchForm(null, null, null, List.of(), null, null, null, null, 1);
    }

    private void checkCodes(SearchCriteria c) {
        List<fr.pairaidance.platform.problem.Problem.FieldError> errors = new ArrayList<>(
                vocabularies.check("domain", Vocabularies.DOMAINS, c.domains()));
        check(errors, "mode", Vocabularies.MODES, c.mode());
        check(errors, "format", Vocabularies.FORMATS, c.format());
        check(errors, "language", Vocabularies.LANGUAGES, c.language());
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private void check(List<fr.pairaidance.platform.problem.Problem.FieldError> errors, String field,
            String vocabulary, String code) {
        if (code != null && !vocabularies.contains(vocabulary, code)) {
            errors.add(new fr.pairaidance.platform.problem.Problem.FieldError(field, "unknown code"));
        }
    }

    /** The results of one page, for the template. */
    @TemplateData
    public record ResultView(List<Card> cards, long total, int page, int pages, boolean hasArea, String areaLabel,
            boolean areaHasMatches, String widenedTo, Map<String, Long> countsByLevel) {

        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages;
        }

        public int previousPage() {
            return page - 1;
        }

        public int nextPage() {
            return page + 1;
        }

        public int first() {
            return total == 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
        }

        public long last() {
            return Math.min(total, (long) page * PAGE_SIZE);
        }
    }

    /** One value of a facet: its code, label, count and whether the search already filters on it. */
    @TemplateData
    public record FacetValue(String code, String label, long count, boolean checked) {
    }

    /** A facet: the filter it sets and its values, most frequent first. */
    @TemplateData
    public record Facet(String name, String vocabulary, List<FacetValue> values) {

        public boolean anyChecked() {
            return values.stream().anyMatch(FacetValue::checked);
        }
    }

    private ResultView view(SearchResult result, AreaScope scope) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        if (result.countsByLevel() != null) {
            result.countsByLevel().forEach((level, n) -> counts.put(level.name(), n));
        }
        int pagesCount = (int) Math.max(1, (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        return new ResultView(result.items().stream().map(h -> Card.of(h, geography)).toList(), result.total(),
                result.page() + 1, pagesCount, scope != null, scope == null ? null : places.label(scope.area()),
                result.areaHasMatches(), result.widenedTo() == null ? null : result.widenedTo().name(), counts);
    }

    private List<Facet> facets(SearchResult.Facets facets, SearchForm form, PageContext context) {
        List<Facet> list = new ArrayList<>();
        list.add(facet("domain", Vocabularies.DOMAINS, facets.domains(), form.domains(), context));
        list.add(facet("mode", Vocabularies.MODES, facets.modes(), form.mode() == null ? List.of() : List.of(form.mode()),
                context));
        list.add(facet("format", Vocabularies.FORMATS, facets.formats(),
                form.format() == null ? List.of() : List.of(form.format()), context));
        return list;
    }

    private static Facet facet(String name, String vocabulary, Map<String, Long> counts, List<String> checked,
            PageContext context) {
        List<FacetValue> values = context.terms(vocabulary).stream()
                .filter(t -> counts.containsKey(t.code()) || checked.contains(t.code()))
                .map(t -> new FacetValue(t.code(), t.label(), counts.getOrDefault(t.code(), 0L),
                        checked.contains(t.code())))
                .sorted(Comparator.comparingLong(FacetValue::count).reversed()).toList();
        return new Facet(name, vocabulary, values);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
