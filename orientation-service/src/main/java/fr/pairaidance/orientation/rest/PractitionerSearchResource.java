package fr.pairaidance.orientation.rest;

import fr.pairaidance.orientation.config.OrientationConfig;
import fr.pairaidance.orientation.service.AreaScope;
import fr.pairaidance.orientation.service.AreaScopes;
import fr.pairaidance.orientation.service.CountedSearch;
import fr.pairaidance.orientation.service.SearchCriteria;
import fr.pairaidance.orientation.service.SearchResult;
import fr.pairaidance.platform.problem.Problem.FieldError;
import fr.pairaidance.platform.problem.ProblemException;
import fr.pairaidance.platform.reference.Geography;
import fr.pairaidance.platform.reference.Vocabularies;
import fr.pairaidance.platform.rest.QueryParams;
import fr.pairaidance.platform.security.Caller;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/practitioners")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Orientation search")
public class PractitionerSearchResource {

    private final CountedSearch search;
    private final AreaScopes areas;
    private final Vocabularies vocabularies;
    private final Geography geography;
    private final HttpCache cache;
    private final CurrentCaller caller;
    private final OrientationConfig config;
    private final SearchAnswers answers;

    PractitionerSearchResource(CountedSearch search, AreaScopes areas, Vocabularies vocabularies,
            Geography geography, HttpCache cache, CurrentCaller caller, OrientationConfig config,
            SearchAnswers answers) {
        this.answers = answers;
        this.search = search;
        this.areas = areas;
        this.vocabularies = vocabularies;
        this.geography = geography;
        this.cache = cache;
        this.caller = caller;
        this.config = config;
    }

    @GET
    @PermitAll
    @Operation(summary = "Search labelled peer helpers",
            description = "Published practitioners only (label ACTIVE or RENEWAL_DUE, consent to be listed), with the "
                    + "fields they consented to publish. With an area: the zone first, then its department, then its "
                    + "region, then remote-capable practitioners from elsewhere; each result says how it matched. "
                    + "Stable order: level, then registry number. Conditional GET with If-None-Match answers 304; "
                    + "the ETag changes whenever the published listing changes.")
    @APIResponse(responseCode = "200", description = "A page of results, counts per level and facets",
            content = @Content(schema = @Schema(implementation = SearchPageView.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", description = "A malformed or unknown parameter, named in errors[].field")
    @APIResponse(responseCode = "429", description = "Rate limit reached: retry after Retry-After seconds")
    public Response search(
            @QueryParam("area") @Parameter(description = "Typed area: ze:<zone>, dep:<department>, reg:<region> or com:<commune>",
                    example = "ze:8421") String area,
            @QueryParam("domain") @Parameter(description = "Lived-experience domain code(s); any of them matches",
                    example = "MENTAL_HEALTH") List<String> domains,
            @QueryParam("appellation") @Parameter(example = "PAIR_AIDANT") String appellation,
            @QueryParam("mode") @Parameter(description = "VOLUNTEER, SELF_EMPLOYED or SALARIED") String mode,
            @QueryParam("format") @Parameter(example = "PEER_GROUP") String format,
            @QueryParam("language") @Parameter(example = "fr") String language,
            @QueryParam("remote") @Parameter(description = "true: remote-capable only; false: on site only") String remote,
            @QueryParam("page") @Parameter(description = "From 0") String page,
            @QueryParam("size") @Parameter(description = "1 to 50, default 20") String size,
            @Context Request request) {
        AreaScope scope = areas.parse("area", area);
        checkCodes(domains, appellation, mode, format, language);
        int max = config.search().maxPageSize();
        SearchCriteria criteria = new SearchCriteria(scope, domains, blankToNull(appellation), blankToNull(mode),
                blankToNull(format), blankToNull(language), QueryParams.bool("remote", remote),
                QueryParams.integer("page", page, 0, 0, 10_000),
                QueryParams.integer("size", size, Math.min(config.search().defaultPageSize(), max), 1, max));
        Caller who = caller.get();
        Duration maxAge = config.caching().searchMaxAge();
        long version = search.version();
        Response notModified = cache.notModified(request, who, SearchEtags.of(version, criteria), maxAge);
        if (notModified != null) {
            SearchAnswers.Answer known = answers.cached(criteria, version);
            if (known != null) {
                search.searched(criteria, known.areaHasMatches());
            } else {
                search.searchedUnchanged(criteria);
            }
            return notModified;
        }
        SearchAnswers.Answer answer = answers.get(criteria, version, () -> answer(criteria));
        search.searched(criteria, answer.areaHasMatches());
        return cache.ok(who, SearchEtags.of(answer.version(), criteria), answer.json(), maxAge);
    }

    private SearchAnswers.Answer answer(SearchCriteria criteria) {
        SearchResult result = search.search(criteria);
        AreaScope scope = criteria.scope();
        Map<String, Long> counts = new LinkedHashMap<>();
        result.countsByLevel().forEach((level, n) -> counts.put(level.name(), n));
        SearchPageView view = new SearchPageView(
                result.items().stream().map(h -> PractitionerHitView.of(h, geography)).toList(), result.page(),
                result.size(), result.total(), scope == null ? null : scope.area().toString(), result.areaHasMatches(),
                result.widenedTo() == null ? null : result.widenedTo().name(), scope == null ? null : counts,
                result.facets());
        return new SearchAnswers.Answer(result.readModelVersion(), cache.json(view), result.areaHasMatches());
    }

    private void checkCodes(List<String> domains, String appellation, String mode, String format, String language) {
        List<FieldError> errors = new ArrayList<>(vocabularies.check("domain", Vocabularies.DOMAINS, domains));
        check(errors, "appellation", Vocabularies.APPELLATIONS, appellation);
        check(errors, "mode", Vocabularies.MODES, mode);
        check(errors, "format", Vocabularies.FORMATS, format);
        check(errors, "language", Vocabularies.LANGUAGES, language);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private void check(List<FieldError> errors, String parameter, String vocabulary, String code) {
        if (code != null && !code.isBlank() && !vocabularies.contains(vocabulary, code)) {
            errors.add(new FieldError(parameter, "unknown code '" + code + "' of vocabulary " + vocabulary));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
