package fr.pairaidance.labelling.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/**
 * The generated receipt-signing key, kept in the database so that every instance and every
 * restart signs with the same key: the first instance to need it inserts it, the others read it.
 */
@ApplicationScoped
public class SigningKeyStore {

    private static final String SLOT = "current";

    private final EntityManager em;
    private final Clock clock;

    SigningKeyStore(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public PublicJsonWebKey loadOrCreate() {
        try {
            if (stored().isEmpty()) {
                EllipticCurveJsonWebKey generated = EcJwkGenerator.generateJwk(EllipticCurves.P256);
                generated.setKeyId(generated.calculateBase64urlEncodedThumbprint("SHA-256"));
                generated.setUse("sig");
                em.createNativeQuery("insert into signing_key (slot, key_id, private_jwk, created_at) "
                                + "values (?1, ?2, ?3, ?4) on conflict do nothing")
                        .setParameter(1, SLOT)
                        .setParameter(2, generated.getKeyId())
                        .setParameter(3, generated.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE))
                        .setParameter(4, clock.instant())
                        .executeUpdate();
            }
            return PublicJsonWebKey.Factory.newPublicJwk(stored().get(0));
        } catch (JoseException e) {
            throw new IllegalStateException("The receipt signing key cannot be created or read", e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> stored() {
        return em.createNativeQuery("select private_jwk from signing_key where slot = ?1")
                .setParameter(1, SLOT).getResultList();
    }
}
