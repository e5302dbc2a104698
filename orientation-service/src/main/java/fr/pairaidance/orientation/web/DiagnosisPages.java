package fr.pairaidance.orientation.web;

import fr.pairaidance.orientation.service.Diagnosis;
import fr.pairaidance.orientation.service.DiagnosisInput;
import fr.pairaidance.orientation.service.DiagnosisService;
import fr.pairaidance.platform.security.CurrentCaller;
import fr.pairaidance.platform.security.Roles;
import fr.pairaidance.platform.web.PlaceFinder;
import fr.pairaidance.platform.web.BarChart;
import fr.pairaidance.platform.web.FormErrors;
import fr.pairaidance.platform.web.Pages;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The employer self-diagnosis on the web: the workforce by age band and gender in, the estimates per
 * situation out (with their sources, suppressed counts as "< 3", a chart and the same figures as a
 * table), a search for the situations found, and saving for a signed-in employer.
 */
@Path("/self-diagnosis")
@Produces(MediaType.TEXT_HTML)
public class DiagnosisPages {

    static final List<String> AGE_BANDS = List.of("18-29", "30-44", "45-54", "55-64", "65+");
    static final List<String> GENDERS = List.of("F", "M", "X");

    private final Pages pages;
    private final DiagnosisService diagnoses;
    private final CurrentCaller caller;
    private final PlaceFinder places;
    private final Template form;
    private final Template result;
    private final Template saved;

    DiagnosisPages(Pages pages, DiagnosisService diagnoses, CurrentCaller caller, PlaceFinder places,
            @Location("diagnosis.html") Template form, @Location("diagnosis-result.html") Template result,
            @Location("diagnosis-saved.html") Template saved) {
        this.pages = pages;
        this.diagnoses = diagnoses;
        this.caller = caller;
        this.places = places;
        this.form = form;
        this.result = result;
        this.saved = saved;
    }

    /** The workforce as typed: the count of each cell by its field name ({@code n_30-44_F}). */
    @TemplateData
    public record Workforce(Map<String, String> cells, String q, String area, String areaLabel) {

        public String cell(String ageBand, String gender) {
            return cells.getOrDefault(field(ageBand, gender), "");
        }

        public String placeText() {
            return q != null && !q.isBlank() ? q : areaLabel == null ? "" : areaLabel;
        }

        public List<String> ageBands() {
            return AGE_BANDS;
        }

        public List<String> genders() {
            return GENDERS;
        }

        /** The field name of a cell, for the template. */
        public String fieldOf(String ageBand, String gender) {
            return field(ageBand, gender);
        }

        public static String field(String ageBand, String gender) {
            return "n_" + ageBand.replace("+", "plus") + "_" + gender;
        }
    }

    @GET
    @PermitAll
    public TemplateInstance start() {
        return pages.page(form).data("workforce", new Workforce(Map.of(), null, null, null))
                .data("errors", FormErrors.none()).data("form", new SearchForm(null, null, null, List.of(), null,
                        null, null, null, 1));
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response run(MultivaluedMap<String, String> fields) {
        return compute(fields, false);
    }

    @POST
    @Path("saved")
    @RolesAllowed(Roles.EMPLOYER)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(MultivaluedMap<String, String> fields) {
        return compute(fields, true);
    }

    @GET
    @Path("saved")
    @RolesAllowed(Roles.EMPLOYER)
    public TemplateInstance savedList() {
        return pages.page(saved).data("items", diagnoses.saved(caller.get()));
    }

    private Response compute(MultivaluedMap<String, String> fields, boolean save) {
        OrientationMessages msg = pages.messages(OrientationMessages.class);
        Map<String, String> cells = new LinkedHashMap<>();
        List<DiagnosisInput.Cell> workforce = new ArrayList<>();
        FormErrors errors = FormErrors.none();
        for (String band : AGE_BANDS) {
            for (String gender : GENDERS) {
                String name = Workforce.field(band, gender);
                String value = fields.getFirst(name);
                cells.put(name, value == null ? "" : value);
                if (value == null || value.isBlank()) {
                    continue;
                }
                try {
                    int n = Integer.parseInt(value.strip());
                    if (n < 0 || n > 1_000_000) {
                        throw new NumberFormatException();
                    }
                    if (n > 0) {
                        workforce.add(new DiagnosisInput.Cell(band, gender, n));
                    }
                } catch (NumberFormatException e) {
                    errors.add(name, msg.cellInvalid(msg.ageBand(band), msg.gender(gender)));
                }
            }
        }
        if (!errors.any() && workforce.isEmpty()) {
            errors.add(Workforce.field(AGE_BANDS.get(0), GENDERS.get(0)), msg.workforceEmpty());
        }
        String q = fields.getFirst("q");
        String area = places.chosenArea(q, fields.getFirst("area"));
        String areaLabel = null;
        if (area != null) {
            areaLabel = places.find(area).stream().findFirst().map(PlaceFinder.Place::label).orElse(null);
        } else if (q != null && !q.isBlank()) {
            List<PlaceFinder.Place> found = places.find(q);
            if (found.size() == 1) {
                area = found.get(0).area();
                areaLabel = found.get(0).label();
            } else {
                errors.add("q", found.isEmpty() ? msg.placeNotFound(q) : msg.placeAmbiguous());
            }
        }
        Workforce typed = new Workforce(cells, q, area, areaLabel);
        SearchForm place = new SearchForm(q, area, areaLabel, List.of(), null, null, null, null, 1);
        if (errors.any()) {
            return Response.status(400).entity(pages.page(form).data("workforce", typed).data("errors", errors)
                    .data("form", place)).build();
        }
        DiagnosisInput input = new DiagnosisInput(workforce, area);
        if (save) {
            diagnoses.runAndSave(input, caller.get());
            return Response.seeOther(URI.create("/self-diagnosis/saved")).build();
        }
        Diagnosis diagnosis = diagnoses.run(input);
        return Response.ok(pages.page(result).data("d", diagnosis).data("workforce", typed)
                .data("chart", chart(diagnosis, msg)).data("searchUrl", searchUrl(diagnosis, area))).build();
    }

    /** The chart: the first figure set of each situation, its estimate or what shows instead ("< 3"). */
    static BarChart chart(Diagnosis diagnosis, OrientationMessages msg) {
        return BarChart.of("estimates-chart", msg.chartTitle(), diagnosis.situations().stream()
                .filter(s -> !s.estimates().isEmpty())
                .map(s -> {
                    Diagnosis.Estimate e = s.estimates().get(0);
                    return new BarChart.Value(msg.situation(s.code()), e.estimate() == null ? 0 : e.estimate(),
                            e.display());
                }).toList());
    }

    /** A search for peer helpers of every situation found (estimate shown or suppressed), in the area. */
    static String searchUrl(Diagnosis diagnosis, String area) {
        List<String> domains = diagnosis.situations().stream()
                .filter(s -> s.estimates().stream().anyMatch(e -> e.suppressed() || (e.estimate() != null && e.estimate() > 0)))
                .flatMap(s -> s.domains().stream()).distinct().toList();
        return new SearchForm(null, area, null, domains, null, null, null, null, 1).url(1);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
