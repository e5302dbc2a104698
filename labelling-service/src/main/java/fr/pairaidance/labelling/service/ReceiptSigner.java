package fr.pairaidance.labelling.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.pairaidance.labelling.config.LabellingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

/**
 * Signs verification receipts (compact JWS, ES256 or RS256) and publishes the public key as a JWKS.
 * The key comes from {@code labelling.signing.key-location} (JWK or PEM), else from the database.
 */
@ApplicationScoped
public class ReceiptSigner {

    public static final String MEDIA_TYPE = "application/jose";
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

    private final SigningKeyStore store;
    private final LabellingConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;
    private volatile PublicJsonWebKey key;

    ReceiptSigner(SigningKeyStore store, LabellingConfig config, ObjectMapper mapper, Clock clock) {
        this.store = store;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The answer with {@code issuedAt}, as a compact JWS. */
    public String sign(Verification answer) {
        PublicJsonWebKey signing = key();
        try {
            ObjectNode claims = mapper.valueToTree(answer);
            claims.put("issuedAt", clock.instant().toString());
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(mapper.writeValueAsString(claims));
            jws.setKey(signing.getPrivateKey());
            jws.setKeyIdHeaderValue(signing.getKeyId());
            jws.setAlgorithmHeaderValue("EC".equals(signing.getKeyType())
                    ? AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256 : AlgorithmIdentifiers.RSA_USING_SHA256);
            jws.setHeader("typ", "JOSE");
            jws.setContentTypeHeaderValue("JSON");
            return jws.getCompactSerialization();
        } catch (JoseException | JsonProcessingException e) {
            throw new IllegalStateException("The receipt cannot be signed", e);
        }
    }

    /** The public key as a JSON Web Key Set. */
    public Map<String, Object> jwks() {
        try {
            JsonWebKeySet set = new JsonWebKeySet(key());
            return mapper.readValue(set.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY), Map.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The JWKS cannot be written", e);
        }
    }

    private PublicJsonWebKey key() {
        PublicJsonWebKey current = key;
        if (current == null) {
            synchronized (this) {
                if (key == null) {
                    key = config.signing().keyLocation().map(this::configured).orElseGet(store::loadOrCreate);
                }
                current = key;
            }
        }
        return current;
    }

    /** A JWK file (with its private part), or a PEM file with a PRIVATE KEY and a PUBLIC KEY block. */
    private PublicJsonWebKey configured(String location) {
        try {
            String text = Files.readString(Path.of(location), StandardCharsets.US_ASCII).strip();
            PublicJsonWebKey jwk = text.startsWith("{") ? PublicJsonWebKey.Factory.newPublicJwk(text) : fromPem(text);
            if (jwk.getPrivateKey() == null) {
                throw new IllegalStateException("The receipt signing key has no private part");
            }
            if (jwk.getKeyId() == null) {
                jwk.setKeyId(config.signing().keyId());
            }
            return jwk;
        } catch (IOException e) {
            throw new UncheckedIOException("The receipt signing key cannot be read", e);
        } catch (JoseException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("The receipt signing key is not a usable EC or RSA key", e);
        }
    }

    private static PublicJsonWebKey fromPem(String text) throws JoseException, java.security.GeneralSecurityException {
        byte[] privateDer = null;
        byte[] publicDer = null;
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(2));
            if (m.group(1).equals("PRIVATE KEY")) {
                privateDer = der;
            } else if (m.group(1).equals("PUBLIC KEY")) {
                publicDer = der;
            }
        }
        if (privateDer == null || publicDer == null) {
            throw new IllegalStateException("The PEM file needs a PRIVATE KEY (PKCS#8) and a PUBLIC KEY block");
        }
        java.security.GeneralSecurityException last = null;
        for (String algorithm : new String[] {"EC", "RSA"}) {
            try {
                KeyFactory factory = KeyFactory.getInstance(algorithm);
                PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(publicDer));
                PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(privateDer));
                PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(publicKey);
                jwk.setPrivateKey(privateKey);
                return jwk;
            } catch (java.security.spec.InvalidKeySpecException e) {
                last = e;
            }
        }
        throw last;
    }
}
