package fr.pairaidance.platform.idempotency;

import fr.pairaidance.platform.problem.ProblemException;
import fr.pairaidance.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code Idempotency-Key} of POST requests, claimed insert-first in the request's transaction: a
 * retry of a request that was accepted returns what the first one created; a concurrent retry
 * waits on the key's row until the first commits.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final EntityManager em;

    IdempotencyKeys(EntityManager em) {
        this.em = em;
    }

    /**
     * Claims the key for this request.
     *
     * @param operation what the key is for, e.g. {@code grant}; keys are scoped by operation and caller
     * @param caller    who sends the request: their subject is kept only as a name-based UUID
     * @param key       the header value, or null when the client sent none
     * @param request   a canonical form of the request, to detect a key reused for another request
     * @return the id of the resource created by an earlier request with this key, or empty when the
     *         caller must carry out the request and then call {@link #complete}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> claim(String operation, Caller caller, String key, String request) {
        return claimDigest(operation, caller, key,
                key == null ? null : sha256().digest(request.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * As {@link #claim}, for a request too large to hold as one string: its SHA-256 digest, computed by the
     * caller as it reads the request ({@link #sha256()}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> claimDigest(String operation, Caller caller, String key, byte[] requestSha256) {
        if (key == null) {
            return Optional.empty();
        }
        if (key.isBlank() || key.length() > 255) {
            throw ProblemException.badRequest(HEADER, "must be 1 to 255 characters");
        }
        String scope = scope(operation, caller);
        String hash = HexFormat.of().formatHex(requestSha256);
        int inserted = em.createNativeQuery("insert into idempotency_key (scope, idem_key, request_hash, created_at) "
                        + "values (?1, ?2, ?3, now()) on conflict do nothing")
                .setParameter(1, scope).setParameter(2, key).setParameter(3, hash).executeUpdate();
        if (inserted == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select request_hash, resource_id from idempotency_key where scope = ?1 and idem_key = ?2")
                .setParameter(1, scope).setParameter(2, key).getResultList();
        Object[] row = rows.get(0);
        if (!hash.equals(row[0])) {
            throw ProblemException.unprocessable("idempotency-key-reused",
                    "Idempotency-Key reused", HEADER, "was already used for a different request");
        }
        return Optional.ofNullable((String) row[1]);
    }

    /** Records what the request created, for the retries to come. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(String operation, Caller caller, String key, String resourceId) {
        if (key != null) {
            em.createNativeQuery("update idempotency_key set resource_id = ?3 where scope = ?1 and idem_key = ?2")
                    .setParameter(1, scope(operation, caller)).setParameter(2, key).setParameter(3, resourceId)
                    .executeUpdate();
        }
    }

    /**
     * The answer to a request with {@code Idempotency-Key}: a replay carries {@code Idempotent-Replayed: true}
     * with the first request's status and body; a first request carries no such header.
     */
    public static Response.ResponseBuilder markReplayed(Response.ResponseBuilder response, boolean replayed) {
        return replayed ? response.header(REPLAYED_HEADER, "true") : response;
    }

    /** The operation and the caller; the caller's subject as a name-based UUID, so no account id is stored. */
    static String scope(String operation, Caller caller) {
        return operation + ":" + UUID.nameUUIDFromBytes(String.valueOf(caller.subject()).getBytes(StandardCharsets.UTF_8));
    }

    /** The digest a request is compared by. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
