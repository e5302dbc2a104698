package fr.pairaidance.labelling.service;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.text.ParseException;
import java.time.Clock;
import java.util.List;

/**
 * The generated receipt-signing key (EC P-256), kept in the database so that every instance and every
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
    public JWK loadOrCreate() {
        try {
            if (stored().isEmpty()) {
                JWK generated = new ECKeyGenerator(Curve.P_256).keyUse(KeyUse.SIGNATURE).keyIDFromThumbprint(true)
                        .generate();
                em.createNativeQuery("insert into signing_key (slot, key_id, private_jwk, created_at) "
                                + "values (?1, ?2, ?3, ?4) on conflict do nothing")
                        .setParameter(1, SLOT)
                        .setParameter(2, generated.getKeyID())
                        .setParameter(3, generated.toJSONString())
                        .setParameter(4, clock.instant())
                        .executeUpdate();
            }
            return JWK.parse(stored().get(0));
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException("The receipt signing key cannot be created or read", e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> stored() {
        return em.createNativeQuery("select private_jwk from signing_key where slot = ?1")
                .setParameter(1, SLOT).getResultList();
    }
}
