package fr.pairaidance.labelling.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import fr.pairaidance.labelling.config.LabellingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private volatile JWK key;

    ReceiptSigner(SigningKeyStore store, LabellingConfig config, ObjectMapper mapper, Clock clock) {
        this.store = store;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The answer with {@code issuedAt}, as a compact JWS. */
    public String sign(Verification answer) {
        JWK signing = key();
        try {
            ObjectNode claims = mapper.valueToTree(answer);
            claims.put("issuedAt", clock.instant().toString());
            boolean ec = signing instanceof ECKey;
            JWSSigner signer = ec ? new ECDSASigner(signing.toECKey()) : new RSASSASigner(signing.toRSAKey());
            JWSHeader header = new JWSHeader.Builder(ec ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256)
                    .keyID(signing.getKeyID()).type(JOSEObjectType.JOSE).contentType("JSON").build();
            JWSObject jws = new JWSObject(header, new Payload(mapper.writeValueAsString(claims)));
            jws.sign(signer);
            return jws.serialize();
        } catch (JOSEException | JsonProcessingException e) {
            throw new IllegalStateException("The receipt cannot be signed", e);
        }
    }

    /** The public key, as a JSON Web Key. */
    public Map<String, Object> publicKey() {
        return key().toPublicJWK().toJSONObject();
    }

    private JWK key() {
        JWK current = key;
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
    private JWK configured(String location) {
        try {
            String text = Files.readString(Path.of(location), StandardCharsets.US_ASCII).strip();
            JWK jwk = text.startsWith("{") ? JWK.parse(text) : fromPem(text, config.signing().keyId());
            if (!jwk.isPrivate()) {
                throw new IllegalStateException("The receipt signing key has no private part");
            }
            if (jwk.getKeyID() == null) {
                jwk = jwk instanceof ECKey ec ? new ECKey.Builder(ec).keyID(config.signing().keyId()).build()
                        : new RSAKey.Builder(jwk.toRSAKey()).keyID(config.signing().keyId()).build();
            }
            return jwk;
        } catch (IOException e) {
            throw new UncheckedIOException("The receipt signing key cannot be read", e);
        } catch (ParseException | GeneralSecurityException e) {
            throw new IllegalStateException("The receipt signing key is not a usable EC or RSA key", e);
        }
    }

    private static JWK fromPem(String text, String keyId) throws GeneralSecurityException {
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
        GeneralSecurityException last = null;
        for (String algorithm : new String[] {"EC", "RSA"}) {
            try {
                KeyFactory factory = KeyFactory.getInstance(algorithm);
                PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(publicDer));
                PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(privateDer));
                return publicKey instanceof ECPublicKey ec
                        ? new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).privateKey(privateKey)
                                .keyUse(KeyUse.SIGNATURE).keyID(keyId).build()
                        : new RSAKey.Builder((RSAPublicKey) publicKey).privateKey(privateKey).keyUse(KeyUse.SIGNATURE)
                                .keyID(keyId).build();
            } catch (InvalidKeySpecException e) {
                last = e;
            }
        }
        throw last;
    }
}
