package fr.pairaidance.labelling.service;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import fr.pairaidance.labelling.config.LabellingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The RSA keys (RS256) signing credentials and status lists, kept in the database so that every
 * instance signs with the same key. The last created key signs; a key older than
 * {@code labelling.credentials.key-lifetime} is replaced by a new one, and every key stays published
 * so that the credentials it signed still verify. The key id (its thumbprint) is in each JWT's header.
 */
@ApplicationScoped
public class CredentialKeys {

    /** The key of {@code pg_advisory_xact_lock} that lets one instance at a time create a key. */
    private static final long CREATION_LOCK = 0x6f62335f6b657973L;

    private record StoredKey(RSAKey key, Instant createdAt) {
    }

    private final EntityManager em;
    private final Clock clock;
    private final LabellingConfig config;
    private volatile List<StoredKey> keys = List.of();

    CredentialKeys(EntityManager em, Clock clock, LabellingConfig config) {
        this.em = em;
        this.clock = clock;
        this.config = config;
    }

    /** The key that signs now, created or replaced when due. */
    public RSAKey current() {
        List<StoredKey> known = keys;
        if (known.isEmpty() || due(known.get(0))) {
            known = createIfDue();
        }
        return known.get(0).key();
    }

    /** A published key by id, looked up again in the database when another instance created it. */
    public Optional<RSAKey> byId(String keyId) {
        Optional<RSAKey> found = find(keys, keyId);
        if (found.isEmpty()) {
            keys = load();
            found = find(keys, keyId);
        }
        return found;
    }

    /** The public keys, newest first. */
    public JWKSet publicKeys() {
        current();
        return new JWKSet(keys.stream().map(k -> (com.nimbusds.jose.jwk.JWK) k.key().toPublicJWK()).toList());
    }

    /** Creates a new signing key now, whatever the age of the current one (an operator's rotation). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public RSAKey rotate() {
        lock();
        insert(generate());
        keys = load();
        return keys.get(0).key();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    List<StoredKey> createIfDue() {
        lock();
        List<StoredKey> stored = load();
        if (stored.isEmpty() || due(stored.get(0))) {
            insert(generate());
            stored = load();
        }
        keys = stored;
        return stored;
    }

    private boolean due(StoredKey key) {
        return !key.createdAt().atOffset(ZoneOffset.UTC).plus(config.credentials().keyLifetime()).toInstant()
                .isAfter(clock.instant());
    }

    private void lock() {
        em.createNativeQuery("select pg_advisory_xact_lock(?1)").setParameter(1, CREATION_LOCK).getSingleResult();
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(3072).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("A credential signing key cannot be generated", e);
        }
    }

    private void insert(RSAKey key) {
        em.createNativeQuery("insert into credential_key (key_id, private_jwk, created_at) values (?1, ?2, ?3)")
                .setParameter(1, key.getKeyID())
                .setParameter(2, key.toJSONString())
                .setParameter(3, clock.instant())
                .executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<StoredKey> load() {
        List<Object[]> rows = em.createNativeQuery(
                "select private_jwk, created_at from credential_key order by generation desc")
                .getResultList();
        return rows.stream().map(r -> new StoredKey(parse((String) r[0]), instant(r[1]))).toList();
    }

    private static Instant instant(Object value) {
        return value instanceof Timestamp t ? t.toInstant() : value instanceof Instant i ? i
                : ((java.time.OffsetDateTime) value).toInstant();
    }

    private static RSAKey parse(String json) {
        try {
            return RSAKey.parse(json);
        } catch (ParseException e) {
            throw new IllegalStateException("A stored credential signing key cannot be read", e);
        }
    }

    private static Optional<RSAKey> find(List<StoredKey> in, String keyId) {
        return in.stream().map(StoredKey::key).filter(k -> k.getKeyID().equals(keyId)).findFirst();
    }

    /** The JWKS document of the public keys, as a map. */
    public Map<String, Object> publicKeysJson() {
        return publicKeys().toJSONObject(true);
    }
}
