package fr.pairaidance.platform.idempotency;

import fr.pairaidance.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@code Idempotency-Key} of POST requests, claimed insert-first in the request's transaction: a
 * retry of a request that was accepted returns what the first one created; a concurrent retry
 * waits on the key's row until the first commits.
 */
@ApplicationScoped
public class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";

    private final EntityManager em;

    IdempotencyKeys(EntityManager em) {
        this.em = em;
    }

    /**
     * Claims the key for this request.
     *
     * @param scope   what the key is for, e.g. the operation and the caller
     * @param key     the header value, or null when the client sent none
     * @param request a canonical form of the request, to detect a key reused for another request
     * @return the id of the resource created by an earlier request with this key, or empty when the
     *         caller must carry out the request and then call {@link #complete}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> claim(String scope, String key, String request) {
        return claimDigest(scope, key, key == null ? null : sha256().digest(request.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * As {@link #claim}, for a request too large to hold as one string: its SHA-256 digest, computed by the
     * caller as it reads the request ({@link #sha256()}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> claimDigest(String scope, String key, byte[] requestSha256) {
        if (key == null) {
            return Optional.empty();
        }
        if (key.isBlank() || key.length() > 255) {
            throw ProblemException.badRequest(HEADER, "must be 1 to 255 characters");
        }
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

    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(String scope, String key, String resourceId) {
        if (key != null) {
            em.createNativeQuery("update idempotency_key set resource_id = ?3 where scope = ?1 and idem_key = ?2")
                    .setParameter(1, scope).setParameter(2, key).setParameter(3, resourceId).executeUpdate();
        }
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
