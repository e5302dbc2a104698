package fr.pairaidance.labelling.service;

import fr.pairaidance.platform.idempotency.IdempotencyKeys;
import fr.pairaidance.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

/** {@code Idempotency-Key} of this service's POSTs, scoped by operation and caller. */
@ApplicationScoped
public class Replays {

    private final IdempotencyKeys keys;

    Replays(IdempotencyKeys keys) {
        this.keys = keys;
    }

    /** @return the id of what an earlier request with this key produced, or empty to carry the request out */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> claim(String operation, Caller caller, String key, String request) {
        return keys.claim(scope(operation, caller), key, request);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(String operation, Caller caller, String key, String resourceId) {
        keys.complete(scope(operation, caller), key, resourceId);
    }

    /** The caller's subject is kept only as a name-based UUID: no account id is stored with the keys. */
    private static String scope(String operation, Caller caller) {
        return "labelling-" + operation + ":"
                + UUID.nameUUIDFromBytes(String.valueOf(caller.subject()).getBytes(StandardCharsets.UTF_8));
    }
}
