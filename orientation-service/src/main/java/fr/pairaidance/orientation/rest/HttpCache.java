package fr.pairaidance.orientation.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pairaidance.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;

/**
 * Conditional GET for public reads: the ETag is a hash of the JSON body (geography) or is known
 * without the body (search: {@link SearchEtags}), so equal answers share a tag whichever instance
 * computed them; a matching If-None-Match answers 304 without a body. Anonymous answers are
 * {@code public, max-age}; signed-in ones {@code private, no-cache}.
 */
@ApplicationScoped
public class HttpCache {

    private final ObjectMapper mapper;

    HttpCache(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A 200 with the JSON of {@code body} and a hash of it as ETag, or a 304 when If-None-Match has that tag. */
    public Response ok(Request request, Caller caller, Object body, Duration maxAge) {
        byte[] json = json(body);
        EntityTag tag = new EntityTag(hash(json));
        Response notModified = notModified(request, caller, tag, maxAge);
        return notModified != null ? notModified : ok(caller, tag, json, maxAge);
    }

    /** A 304 when If-None-Match has {@code tag}, else null: for answers whose tag is known before the body. */
    public Response notModified(Request request, Caller caller, EntityTag tag, Duration maxAge) {
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        return notModified == null ? null : headers(notModified, caller, tag, maxAge).build();
    }

    /** A 200 with an already serialised JSON body and its tag. */
    public Response ok(Caller caller, EntityTag tag, byte[] json, Duration maxAge) {
        return headers(Response.ok(json, MediaType.APPLICATION_JSON_TYPE), caller, tag, maxAge).build();
    }

    /** A 200 streaming a body not known beforehand (a download): no ETag, the same Cache-Control. */
    public Response stream(Caller caller, StreamingOutput body, MediaType type, String filename, Duration maxAge) {
        return Response.ok(body, type).header("Cache-Control", cacheControl(caller, maxAge))
                .header("Vary", "Authorization, Origin")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }

    public byte[] json(Object body) {
        try {
            return mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response cannot be serialised", e);
        }
    }

    private static Response.ResponseBuilder headers(Response.ResponseBuilder builder, Caller caller, EntityTag tag,
            Duration maxAge) {
        // Origin too: a shared cache must not give an embedding page the copy made without its CORS headers.
        return builder.tag(tag).header("Cache-Control", cacheControl(caller, maxAge))
                .header("Vary", "Authorization, Origin");
    }

    private static String cacheControl(Caller caller, Duration maxAge) {
        return caller.isAnonymous() ? "public, max-age=" + maxAge.toSeconds() : "private, no-cache";
    }

    private static String hash(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
