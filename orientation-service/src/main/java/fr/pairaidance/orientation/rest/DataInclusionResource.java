package fr.pairaidance.orientation.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pairaidance.orientation.config.OrientationConfig;
import fr.pairaidance.orientation.service.DataInclusionExport;
import fr.pairaidance.orientation.service.InclusionService;
import fr.pairaidance.orientation.service.InclusionStructure;
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
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The published offer as open data in the data·inclusion schema v1: structures and services by pages, as
 * data·inclusion's own API serves them, and as JSON lines downloads for a daily pull. Only what
 * practitioners consented to publish (see the service README for the mapping).
 */
@Path("/api/v1/data-inclusion")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "data·inclusion export")
public class DataInclusionResource {

    /** JSON lines: one item per line (application/x-ndjson is the same format). */
    static final String JSONL = "application/jsonl";
    private static final MediaType JSONL_TYPE = MediaType.valueOf(JSONL + ";charset=utf-8");

    private final DataInclusionExport export;
    private final HttpCache cache;
    private final CurrentCaller caller;
    private final OrientationConfig config;
    private final ObjectMapper mapper;

    DataInclusionResource(DataInclusionExport export, HttpCache cache, CurrentCaller caller, OrientationConfig config,
            ObjectMapper mapper) {
        this.export = export;
        this.cache = cache;
        this.caller = caller;
        this.config = config;
        this.mapper = mapper;
    }

    @GET
    @Path("/structures")
    @PermitAll
    @Operation(summary = "Structures (data·inclusion schema v1)",
            description = "The structures of the published services: the organisation a practitioner consented to "
                    + "publish (their establishment by SIRET, or their employer), else the regional platform of their "
                    + "region. Pages from 1; ETag / 304.")
    @APIResponse(responseCode = "200", description = "{items, total, page, size, pages}")
    @APIResponse(responseCode = "400", description = "page or size out of range, named in errors[].field")
    public Response structures(
            @QueryParam("page") @Parameter(description = "From 1, default 1") String page,
            @QueryParam("size") @Parameter(description = "1 to the maximum (1000), default 100") String size,
            @Context Request request) {
        DataInclusionExport.Page<InclusionStructure> found = export.structures(page(page), size(size));
        return cache.ok(request, caller.get(), DataInclusionPageView.of(found), config.dataInclusion().maxAge());
    }

    @GET
    @Path("/services")
    @PermitAll
    @Operation(summary = "Services (data·inclusion schema v1)",
            description = "One service per published practitioner (labelled, listed), with only the fields they "
                    + "consented to publish; in registry-number order. Pages from 1; ETag / 304.")
    @APIResponse(responseCode = "200", description = "{items, total, page, size, pages}")
    @APIResponse(responseCode = "400", description = "page or size out of range, named in errors[].field")
    public Response services(
            @QueryParam("page") @Parameter(description = "From 1, default 1") String page,
            @QueryParam("size") @Parameter(description = "1 to the maximum (1000), default 100") String size,
            @Context Request request) {
        DataInclusionExport.Page<InclusionService> found = export.services(page(page), size(size));
        return cache.ok(request, caller.get(), DataInclusionPageView.of(found), config.dataInclusion().maxAge());
    }

    @GET
    @Path("/structures.jsonl")
    @Produces(JSONL)
    @PermitAll
    @Operation(summary = "Every structure, as JSON lines (data·inclusion schema v1)")
    @APIResponse(responseCode = "200", description = "One structure per line",
            content = @Content(mediaType = JSONL, schema = @Schema(implementation = InclusionStructure.class)))
    public Response structuresDownload() {
        return download(out -> export.eachStructure(structure -> line(out, structure)), "pairaidance-structures.jsonl");
    }

    @GET
    @Path("/services.jsonl")
    @Produces(JSONL)
    @PermitAll
    @Operation(summary = "Every service, as JSON lines (data·inclusion schema v1)",
            description = "Streamed from one snapshot of the listing, in registry-number order: for a daily pull.")
    @APIResponse(responseCode = "200", description = "One service per line",
            content = @Content(mediaType = JSONL, schema = @Schema(implementation = InclusionService.class)))
    public Response servicesDownload() {
        return download(out -> export.eachService(service -> line(out, service)), "pairaidance-services.jsonl");
    }

    private Response download(StreamingOutput lines, String filename) {
        StreamingOutput body = output -> {
            OutputStream out = new BufferedOutputStream(output, 64 * 1024);
            lines.write(out);
            out.flush();
        };
        return cache.stream(caller.get(), body, JSONL_TYPE, filename, config.dataInclusion().maxAge());
    }

    private void line(OutputStream out, Object item) throws IOException {
        out.write(mapper.writeValueAsBytes(item));
        out.write('\n');
    }

    private static int page(String page) {
        return QueryParams.integer("page", page, 1, 1, 1_000_000);
    }

    private int size(String size) {
        int max = config.dataInclusion().maxPageSize();
        return QueryParams.integer("size", size, Math.min(config.dataInclusion().defaultPageSize(), max), 1, max);
    }
}
