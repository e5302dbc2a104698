package fr.pairaidance.registry.web;

import fr.pairaidance.platform.problem.ProblemException;
import fr.pairaidance.platform.reference.Geography;
import fr.pairaidance.platform.reference.Vocabularies;
import fr.pairaidance.platform.rest.QueryParams;
import fr.pairaidance.platform.security.CurrentCaller;
import fr.pairaidance.platform.security.Roles;
import fr.pairaidance.platform.web.FormErrors;
import fr.pairaidance.platform.web.Pages;
import fr.pairaidance.registry.persistence.ImportJob;
import fr.pairaidance.registry.persistence.Practitioner;
import fr.pairaidance.registry.persistence.TrainingRecord;
import fr.pairaidance.registry.service.ImportService;
import fr.pairaidance.registry.service.PractitionerAccess;
import fr.pairaidance.registry.service.RegisterSearch;
import fr.pairaidance.registry.service.PractitionerService;
import fr.pairaidance.registry.service.SpreadsheetFile;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * The agency agent's desk: search the register, open a record, and import a file from the browser (CSV with
 * ',' or ';', UTF-8 or Windows-1252, or XLSX), with its progress, its result and the rejected rows to fix.
 */
@Path("/desk")
@RolesAllowed(Roles.REGISTRY_AGENT)
public class DeskPages {

    /** The columns of an import file, in the order of the templates. */
    static final List<String> COLUMNS = List.of("given_name", "family_name", "birth_date", "email", "phone",
            "commune_code", "domains", "appellations", "modes", "siret", "employer_name", "formats", "languages",
            "remote");

    private final Pages pages;
    private final PractitionerService practitioners;
    private final ImportService imports;
    private final CurrentCaller caller;
    private final Geography geography;
    private final Vocabularies vocabularies;
    private final Template search;
    private final Template record;
    private final Template upload;
    private final Template job;
    private final RecordForms records;
    private final fr.pairaidance.registry.service.TrainingCatalogue catalogue;
    private final fr.pairaidance.registry.service.TrainingService trainingService;
    private final jakarta.validation.Validator validator;

    DeskPages(Pages pages, PractitionerService practitioners, ImportService imports, CurrentCaller caller,
            Geography geography, Vocabularies vocabularies, RecordForms records,
            fr.pairaidance.registry.service.TrainingCatalogue catalogue,
            fr.pairaidance.registry.service.TrainingService trainingService, jakarta.validation.Validator validator,
            @Location("desk/search.html") Template search,
            @Location("desk/record.html") Template record, @Location("desk/import.html") Template upload,
            @Location("desk/import-job.html") Template job) {
        this.pages = pages;
        this.practitioners = practitioners;
        this.imports = imports;
        this.caller = caller;
        this.geography = geography;
        this.vocabularies = vocabularies;
        this.search = search;
        this.record = record;
        this.upload = upload;
        this.job = job;
        this.records = records;
        this.catalogue = catalogue;
        this.trainingService = trainingService;
        this.validator = validator;
    }

    @GET
    @Path("practitioners/new")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance newRecord() {
        return records.page("/desk/practitioners/new", RecordForm.empty(""), FormErrors.none(), null, false);
    }

    @POST
    @Path("practitioners/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response registerOne(MultivaluedMap<String, String> fields) {
        return records.save("/desk/practitioners/new", RecordForm.of(fields), false,
                input -> practitioners.register(input, null, caller.get()).practitioner(),
                p -> "/desk/practitioners/" + p.id);
    }

    @GET
    @Path("practitioners/{id}/edit")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance editRecord(@PathParam("id") String id) {
        Practitioner p = PractitionerAccess.writable(uuid(id), caller.get());
        return records.page("/desk/practitioners/" + p.id + "/edit", records.shown(p), FormErrors.none(), null, false);
    }

    @POST
    @Path("practitioners/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response correctOne(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        UUID uuid = uuid(id);
        RecordForm typed = RecordForm.of(fields);
        return records.save("/desk/practitioners/" + uuid + "/edit", typed, false,
                input -> practitioners.update(uuid, input, "\"" + typed.version() + "\"", caller.get()),
                p -> "/desk/practitioners/" + p.id);
    }

    /** The search as typed on the page. */
    @TemplateData
    public record Filter(String name, String department, String domain, String status) {
    }

    /** A row of the results: the record and the name of its zone. */
    @TemplateData
    public record Row(Practitioner p, String zone) {
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance search(@QueryParam("name") String name, @QueryParam("department") String department,
            @QueryParam("domain") String domain, @QueryParam("status") String status, @QueryParam("page") String page) {
        FormErrors errors = FormErrors.none();
        String dep = blank(department);
        if (dep != null && geography.department(dep.toUpperCase(java.util.Locale.ROOT)).isEmpty()) {
            errors.add("department", msg().departmentInvalid());
            dep = null;
        }
        String dom = blank(domain) != null && vocabularies.contains(Vocabularies.DOMAINS, domain) ? domain : null;
        Practitioner.Status st = "WITHDRAWN".equals(status) ? Practitioner.Status.WITHDRAWN
                : "ACTIVE".equals(status) ? Practitioner.Status.ACTIVE : null;
        int pageNumber = QueryParams.integer("page", page, 1, 1, 10_000);
        RegisterSearch.Page result = practitioners.search(new RegisterSearch.Criteria(blank(name), null,
                dep == null ? null : dep.toUpperCase(java.util.Locale.ROOT), null, dom, st, null, pageNumber - 1, 20));
        List<Row> rows = result.items().stream().map(p -> new Row(p, p.zoneCode == null ? null
                : geography.zone(p.zoneCode).map(Geography.Zone::name).orElse(null))).toList();
        return pages.page(search).data("rows", rows).data("total", result.total()).data("errors", errors)
                .data("filter", new Filter(nz(name), nz(department), nz(dom), nz(status)))
                .data("nextUrl", (long) pageNumber * 20 < result.total() ? "/desk?" + String.join("&",
                        param("name", name), param("department", department), param("domain", dom),
                        param("status", status), "page=" + (pageNumber + 1)) : null);
    }

    @GET
    @Path("practitioners/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance record(@PathParam("id") String id, @QueryParam("recorded") String recorded) {
        return recordPage(practitioners.get(uuid(id), caller.get()), FormErrors.none(), Map.of())
                .data("recorded", recorded != null);
    }

    /** A training module completed, recorded from the record's page. */
    @POST
    @Path("practitioners/{id}/completions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response recordCompletion(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        UUID uuid = uuid(id);
        Map<String, String> typed = typed(fields, "module", "completedOn", "bodyName", "bodySiret", "evidence",
                "delivery");
        var input = new fr.pairaidance.registry.service.CompletionInput(typed.get("module"),
                day(typed.get("completedOn")), new fr.pairaidance.registry.service.CompletionInput.TrainingBody(
                        typed.get("bodyName"), typed.get("bodySiret")), typed.get("evidence"), typed.get("delivery"));
        return training(uuid, typed, validator.validate(input),
                () -> trainingService.recordCompletion(uuid, input, null, caller.get()).value());
    }

    /** A recognition of prior experience (VAE), recorded from the record's page. */
    @POST
    @Path("practitioners/{id}/vae")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response recordVae(@PathParam("id") String id, MultivaluedMap<String, String> fields) {
        UUID uuid = uuid(id);
        Map<String, String> typed = typed(fields, "decidedOn", "vaeEvidence");
        List<String> modules = fields.get("vaeModules") == null ? List.of() : fields.get("vaeModules");
        var input = new fr.pairaidance.registry.service.PriorExperienceInput(modules, day(typed.get("decidedOn")),
                typed.get("vaeEvidence"));
        return training(uuid, typed, validator.validate(input),
                () -> trainingService.recognisePriorExperience(uuid, input, null, caller.get()).value());
    }

    /** Saves a training record the page checked first (the services check the rest), or shows what is wrong. */
    private Response training(UUID id, Map<String, String> typed,
            java.util.Set<? extends jakarta.validation.ConstraintViolation<?>> violations, Runnable save) {
        List<String> faults = new java.util.ArrayList<>(violations.stream()
                .map(fr.pairaidance.platform.problem.ProblemMappers::fieldOf).toList());
        try {
            if (faults.isEmpty()) {
                save.run();
                return Response.seeOther(URI.create("/desk/practitioners/" + id + "?recorded=1")).build();
            }
            throw ProblemException.invalid(List.of());
        } catch (ProblemException e) {
            if (e.status() != 400 && e.status() != 409 && e.status() != 422) {
                throw e;
            }
            FormErrors errors = FormErrors.none();
            e.toProblem(null, null).errors().forEach(error -> faults.add(error.field()));
            for (String fault : faults) {
                String field = TRAINING_FIELDS.getOrDefault(fault.replaceFirst("\\[.*$", ""), "evidence");
                errors.add(field, msg().trainingFieldError(field));
            }
            if (!errors.any()) {
                errors.add(typed.containsKey("module") ? "module" : "vaeModules", msg().trainingRefused());
            }
            return Response.status(e.status()).entity(recordPage(practitioners.get(id, caller.get()), errors, typed)
                    .data("recorded", false)).build();
        }
    }

    /** The form field of each field the training services name. */
    private static final Map<String, String> TRAINING_FIELDS = Map.of("moduleCode", "module", "completedOn",
            "completedOn", "trainingBody.name", "bodyName", "trainingBody.siret", "bodySiret", "evidenceReference",
            "evidence", "delivery", "delivery", "moduleCodes", "vaeModules", "decidedOn", "decidedOn");

    private TemplateInstance recordPage(Practitioner p, FormErrors errors, Map<String, String> typed) {
        Map<String, String> shown = new java.util.HashMap<>();
        for (String field : List.of("module", "completedOn", "bodyName", "bodySiret", "evidence", "delivery",
                "decidedOn", "vaeEvidence")) {
            shown.put(field, "");
        }
        shown.putAll(typed);
        return pages.page(record).data("p", p)
                .data("training", TrainingTable.of(catalogue, TrainingRecord.ofPractitioner(p.id), pages.locale()))
                .data("modules", catalogue.catalogue().modules()).data("errors", errors).data("typed", shown)
                .data("commune", p.communeCode == null ? null
                        : geography.commune(p.communeCode).map(Geography.Commune::name).orElse(p.communeCode));
    }

    private static Map<String, String> typed(MultivaluedMap<String, String> fields, String... names) {
        Map<String, String> typed = new java.util.HashMap<>();
        for (String name : names) {
            String value = fields.getFirst(name);
            typed.put(name, value == null ? "" : value.strip());
        }
        return typed;
    }

    private static java.time.LocalDate day(String text) {
        try {
            return text == null || text.isBlank() ? null : java.time.LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    @GET
    @Path("imports")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance importForm() {
        return pages.page(upload).data("errors", FormErrors.none()).data("separator", "auto").data("charset", "UTF-8");
    }

    /**
     * An import from the browser: an XLSX workbook, or a CSV file whose separator (read from its header line
     * unless chosen) and charset (UTF-8 unless chosen) the page says. The job then runs in the background.
     */
    @POST
    @Path("imports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    public Response importFile(@RestForm("file") FileUpload file, @RestForm String separator,
            @RestForm String charset) {
        FormErrors errors = FormErrors.none();
        Charset chosen = "windows-1252".equals(charset) ? Charset.forName("windows-1252") : StandardCharsets.UTF_8;
        if (file == null || file.size() == 0) {
            errors.add("file", msg().fileRequired());
            return Response.status(400).entity(pages.page(upload).data("errors", errors)
                    .data("separator", nz(separator)).data("charset", nz(charset))).build();
        }
        boolean spreadsheet = file.fileName() != null && file.fileName().toLowerCase(java.util.Locale.ROOT)
                .endsWith(".xlsx") || SpreadsheetFile.MEDIA_TYPE.equals(file.contentType());
        boolean rewrite = !spreadsheet && (";".equals(separator) || ",".equals(separator));
        java.nio.file.Path path = file.uploadedFile();
        try {
            if (rewrite) {
                path = ImportFiles.withSeparator(path, chosen, separator.charAt(0));
            }
            try (InputStream in = Files.newInputStream(path)) {
                ImportJob started = imports.submit(in, spreadsheet, spreadsheet || rewrite ? StandardCharsets.UTF_8
                        : chosen, null, caller.get()).value();
                return Response.seeOther(URI.create("/desk/imports/" + started.id)).build();
            }
        } catch (ProblemException e) {
            if (e.status() != 400 && e.status() != 413) {
                throw e;
            }
            errors.add("file", e.status() == 413 ? msg().fileTooLarge() : msg().fileUnreadable());
            return Response.status(e.status()).entity(pages.page(upload).data("errors", errors)
                    .data("separator", nz(separator)).data("charset", nz(charset))).build();
        } catch (IOException | RuntimeException e) {
            if (e instanceof RuntimeException runtime && !(e instanceof UncheckedIOException)) {
                throw runtime;
            }
            errors.add("file", msg().fileUnreadable());
            return Response.status(400).entity(pages.page(upload).data("errors", errors)
                    .data("separator", nz(separator)).data("charset", nz(charset))).build();
        } finally {
            if (rewrite) {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException ignored) {
                    // a temporary file
                }
            }
        }
    }

    @GET
    @Path("imports/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance importJob(@PathParam("id") String id) {
        ImportJob j = imports.get(uuid(id));
        return pages.page(job).data("job", j).data("done", j.importedRows + j.rejectedRows)
                .data("expected", j.expectedRows == null ? Math.max(j.totalRows, 1) : Math.max(j.expectedRows, 1))
                .data("hasRejectedRows", j.rejectedRows > 0 && imports.hasRejectedRows(j.id));
    }

    /** The job's progress for the page's script: rows done of the total, and whether it still runs. */
    @GET
    @Path("imports/{id}/progress")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> progress(@PathParam("id") String id) {
        ImportJob j = imports.get(uuid(id));
        return Map.of("status", j.status.name(), "done", j.importedRows + j.rejectedRows,
                "total", j.expectedRows == null ? j.totalRows : j.expectedRows, "imported", j.importedRows,
                "rejected", j.rejectedRows);
    }

    @GET
    @Path("imports/{id}/rejected.csv")
    @Produces("text/csv")
    public Response rejected(@PathParam("id") String id) {
        UUID uuid = uuid(id);
        byte[] csv = imports.rejectedRows(uuid).orElseThrow(() -> ProblemException.notFound("Rejected rows", id));
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"rejected-" + uuid + ".csv\"").build();
    }

    @GET
    @Path("imports/template.csv")
    @Produces("text/csv")
    public Response csvTemplate() {
        return Response.ok(ImportFiles.csvTemplate(COLUMNS), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"registry-import-template.csv\"").build();
    }

    @GET
    @Path("imports/template.xlsx")
    @Produces(SpreadsheetFile.MEDIA_TYPE)
    public Response xlsxTemplate() {
        return Response.ok(ImportFiles.xlsxTemplate(COLUMNS), SpreadsheetFile.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"registry-import-template.xlsx\"").build();
    }

    private RegistryMessages msg() {
        return pages.messages(RegistryMessages.class);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("Record", id);
        }
    }

    private static String param(String name, String value) {
        return name + "=" + java.net.URLEncoder.encode(nz(value), StandardCharsets.UTF_8);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
