package fr.pairaidance.orientation.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pairaidance.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;

/**
 * Conditional GET for public reads: the ETag is a hash of the JSON body, so equal answers share a tag
 * whichever instance computed them; a matching If-None-Match answers 304 without a body. Anonymous
 * answers are {@code public, max-age}; signed-in ones {@code private, no-cache}.
 */
@ApplicationScoped
public class HttpCache {

    private final ObjectMapper mapper;

    HttpCache(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public Response ok(Request request, Caller caller, Object body, Duration maxAge) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response cannot be serialised", e);
        }
        EntityTag tag = new EntityTag(hash(json));
        String cacheControl = caller.isAnonymous() ? "public, max-age=" + maxAge.toSeconds() : "private, no-cache";
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder builder = notModified != null ? notModified
                : Response.ok(json, MediaType.APPLICATION_JSON_TYPE);
        return builder.tag(tag).header("Cache-Control", cacheControl).header("Vary", "Authorization").build();
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
