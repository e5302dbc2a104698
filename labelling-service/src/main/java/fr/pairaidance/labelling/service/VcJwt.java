package fr.pairaidance.labelling.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.text.ParseException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Credentials secured as VC-JWT (W3C VC-JOSE-COSE): the credential is the JWT's payload, with the
 * registered claims {@code iss}, {@code jti}, {@code iat}, {@code nbf} and {@code exp} beside it for
 * plain JWT libraries; header {@code typ: vc+jwt}, {@code cty: vc}, RS256 and the key id.
 */
@ApplicationScoped
public class VcJwt {

    public static final String MEDIA_TYPE = "application/vc+jwt";
    private static final Set<String> JWT_CLAIMS = Set.of("iss", "jti", "iat", "nbf", "exp");
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    /** A signed credential and the key that signed it. */
    public record Signed(String jwt, String keyId) {
    }

    /** What a presented JWT is: its key id, whether the signature holds, and its credential. */
    public record Opened(String keyId, boolean signatureValid, Map<String, Object> credential) {
    }

    private final CredentialKeys keys;
    private final ObjectMapper mapper;

    VcJwt(CredentialKeys keys, ObjectMapper mapper) {
        this.keys = keys;
        this.mapper = mapper;
    }

    public Signed sign(Map<String, Object> credential, Instant validFrom, Instant validUntil) {
        RSAKey key = keys.current();
        Map<String, Object> claims = new LinkedHashMap<>(credential);
        Object issuer = credential.get("issuer");
        claims.put("iss", issuer instanceof Map<?, ?> profile ? profile.get("id") : issuer);
        claims.put("jti", credential.get("id"));
        claims.put("iat", validFrom.getEpochSecond());
        claims.put("nbf", validFrom.getEpochSecond());
        claims.put("exp", validUntil.getEpochSecond());
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
                .type(new JOSEObjectType("vc+jwt")).contentType("vc").build();
        try {
            JWSObject jws = new JWSObject(header, new Payload(mapper.writeValueAsString(claims)));
            jws.sign(new RSASSASigner(key));
            return new Signed(jws.serialize(), key.getKeyID());
        } catch (JOSEException | JsonProcessingException e) {
            throw new IllegalStateException("A credential cannot be signed", e);
        }
    }

    /** The credential a JWT of ours carries, without the registered JWT claims. */
    public Map<String, Object> payload(String jwt) {
        try {
            return credentialOf(JWSObject.parse(jwt));
        } catch (ParseException e) {
            throw new IllegalStateException("A stored credential cannot be read", e);
        }
    }

    /**
     * Reads a presented JWT and checks its signature with the published key it names; empty when the
     * text is not a JWS carrying a JSON object.
     */
    public Optional<Opened> open(String text) {
        try {
            JWSObject jws = JWSObject.parse(text.strip());
            Map<String, Object> credential = credentialOf(jws);
            String keyId = jws.getHeader().getKeyID();
            boolean valid = JWSAlgorithm.RS256.equals(jws.getHeader().getAlgorithm()) && keyId != null
                    && keys.byId(keyId).map(k -> verifies(jws, k)).orElse(false);
            return Optional.of(new Opened(keyId, valid, credential));
        } catch (ParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether a key id is one of the published keys. */
    public boolean isPublished(String keyId) {
        return keyId != null && keys.byId(keyId).isPresent();
    }

    private static boolean verifies(JWSObject jws, RSAKey key) {
        try {
            return jws.verify(new RSASSAVerifier(key.toRSAPublicKey()));
        } catch (JOSEException e) {
            return false;
        }
    }

    private Map<String, Object> credentialOf(JWSObject jws) {
        try {
            Map<String, Object> claims = mapper.readValue(jws.getPayload().toString(), JSON_OBJECT);
            claims.keySet().removeAll(JWT_CLAIMS);
            return claims;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The JWT's payload is not a JSON object", e);
        }
    }
}
