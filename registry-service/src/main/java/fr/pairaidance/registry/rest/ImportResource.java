package fr.pairaidance.registry.rest;

import fr.pairaidance.platform.idempotency.IdempotencyKeys;
import fr.pairaidance.platform.idempotency.IdempotentResult;
import fr.pairaidance.platform.problem.ProblemException;
import fr.pairaidance.platform.security.CurrentCaller;
import fr.pairaidance.platform.security.Roles;
import fr.pairaidance.registry.persistence.ImportJob;
import fr.pairaidance.registry.service.ImportService;
import fr.pairaidance.registry.service.SpreadsheetFile;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/imports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bulk import")
public class ImportResource {

    private final ImportService service;
    private final CurrentCaller caller;

    ImportResource(ImportService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    public record JobView(UUID id, String status, Instant submittedAt, Instant finishedAt, int totalRows,
            int importedRows, int rejectedRows, Integer expectedRows, List<ImportJob.Rejection> rejections) {

        static JobView of(ImportJob job) {
            return new JobView(job.id, job.status.name(), job.submittedAt, job.finishedAt, job.totalRows,
                    job.importedRows, job.rejectedRows, job.expectedRows, job.rejections);
        }
    }

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, SpreadsheetFile.MEDIA_TYPE})
    @RolesAllowed(Roles.REGISTRY_AGENT)
    @Operation(summary = "Import practitioners from a CSV or XLSX file",
            description = "Header row with the columns given_name, family_name, birth_date, email, phone, commune_code, "
                    + "domains, appellations, modes, siret, employer_name, formats, languages, remote (any case); list "
                    + "columns separate codes with '|'. CSV columns are separated by ',' or ';' (read from the header "
                    + "line); an XLSX workbook is read from its first sheet. Up to 100 000 rows. Answers 202 with the "
                    + "job to follow; valid rows are kept, rejected rows are reported with their line number, column "
                    + "and reason; a file whose layout is wrong gets one reason. A CSV file is read as UTF-8 (a byte-order "
                    + "mark is skipped) unless the Content-Type names its charset (text/csv; charset=windows-1252).")
    public Response submit(InputStream body, @HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType contentType, UriInfo uri) {
        IdempotentResult<ImportJob> submitted = service.submit(body, contentType != null && contentType.isCompatible(
                MediaType.valueOf(SpreadsheetFile.MEDIA_TYPE)), charsetOf(contentType), idempotencyKey, caller.get());
        ImportJob job = submitted.value();
        return IdempotencyKeys.markReplayed(Response.accepted(JobView.of(job))
                .location(uri.getAbsolutePathBuilder().path(job.id.toString()).build()), submitted.replayed()).build();
    }

    /** The charset the file was sent in: the Content-Type's charset parameter, UTF-8 when it names none. */
    private static Charset charsetOf(MediaType contentType) {
        String name = contentType == null ? null : contentType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("Content-Type", "unknown charset '" + name + "'");
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.REGISTRY_AGENT)
    @Operation(summary = "Progress and outcome of an import")
    public JobView get(@PathParam("id") UUID id) {
        return JobView.of(service.get(id));
    }

    @GET
    @Path("/{id}/rejected-rows")
    @Produces("text/csv")
    @RolesAllowed(Roles.REGISTRY_AGENT)
    @Operation(summary = "The rejected rows of a finished import, as CSV to fix and import again",
            description = "The file's header and the rejected rows' values (UTF-8), for a day after the import; "
                    + "404 when the import rejected none or its file is gone.")
    public Response rejectedRows(@PathParam("id") UUID id) {
        byte[] csv = service.rejectedRows(id)
                .orElseThrow(() -> ProblemException.notFound("Rejected rows of import", id.toString()));
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"rejected-" + id + ".csv\"").build();
    }
}
