package fr.pairaidance.labelling;

import static fr.pairaidance.labelling.Fixtures.AGENT;
import static fr.pairaidance.labelling.Fixtures.CORE_COMPLETED;
import static fr.pairaidance.labelling.Fixtures.EMPLOYER;
import static fr.pairaidance.labelling.Fixtures.REGULATOR;
import static fr.pairaidance.labelling.Fixtures.WITHDRAWN;
import static fr.pairaidance.labelling.Fixtures.decide;
import static fr.pairaidance.labelling.Fixtures.eligible;
import static fr.pairaidance.labelling.Fixtures.feed;
import static fr.pairaidance.labelling.Fixtures.labelOf;
import static fr.pairaidance.labelling.Fixtures.newPractitioner;
import static fr.pairaidance.labelling.Fixtures.reason;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import fr.pairaidance.labelling.Fixtures.Practitioner;
import fr.pairaidance.labelling.service.CredentialKeys;
import fr.pairaidance.labelling.service.LabelScheduler;
import fr.pairaidance.localstack.testing.MutableClock;
import fr.pairaidance.platform.reference.Vocabularies;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Open Badges 3.0 credential of a label, checked as an outside verifier would: the JWT with Nimbus
 * and the published JWKS, the status lists downloaded, decompressed and read bit by bit.
 */
@QuarkusTest
@TestProfile(LabellingTestProfile.class)
class CredentialTest {

    private static final int LIST_SIZE = 131_072;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Random RANDOM = new Random();

    @Inject
    CredentialKeys keys;

    @Inject
    Vocabularies vocabularies;

    @Inject
    MutableClock clock;

    @Inject
    LabelScheduler scheduler;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void grantsDecidedAtTheSameTimeEachGetTheirOwnStatusEntry() throws Exception {
        List<Practitioner> holders = java.util.stream.IntStream.range(0, 8).mapToObj(i -> eligible()).toList();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<String>> grants = new ArrayList<>();
            for (Practitioner holder : holders) {
                grants.add(pool.submit(() -> labelOf(holder)));
            }
            java.util.Set<String> entries = new java.util.HashSet<>();
            for (int i = 0; i < holders.size(); i++) {
                JsonNode credential = verified(credentialJwt(holders.get(i), grants.get(i).get()));
                for (JsonNode e : credential.get("credentialStatus")) {
                    if (e.get("statusPurpose").asText().equals("revocation")) {
                        entries.add(e.get("statusListCredential").asText() + "#" + e.get("statusListIndex").asText());
                    }
                }
            }
            assertEquals(holders.size(), entries.size(), "one status entry per credential: " + entries);
        } finally {
            pool.shutdown();
        }
    }

    /** An anonymous client with its own address, so that each test has its own rate-limit window. */
    private static RequestSpecification anonymous() {
        return given().header("X-Forwarded-For",
                "10." + RANDOM.nextInt(256) + "." + RANDOM.nextInt(256) + "." + RANDOM.nextInt(256));
    }

    private static String credentialJwt(Practitioner holder, String number) {
        return given().header("Authorization", holder.token()).accept("application/vc+jwt")
                .get("/api/v1/labels/" + number + "/credential").then().statusCode(200)
                .contentType("application/vc+jwt").extract().asString();
    }

    /** Verifies the JWT with the key the published JWKS holds for its key id; returns its payload. */
    private static JsonNode verified(String jwt) throws Exception {
        SignedJWT signed = SignedJWT.parse(jwt);
        JWKSet published = JWKSet.parse(anonymous().get("/api/v1/labels/jwks.json").then().statusCode(200)
                .extract().asString());
        RSAKey key = (RSAKey) published.getKeyByKeyId(signed.getHeader().getKeyID());
        assertTrue(key != null, "the JWKS publishes the key " + signed.getHeader().getKeyID());
        assertFalse(key.isPrivate(), "the JWKS publishes public keys only");
        assertEquals(JWSAlgorithm.RS256, signed.getHeader().getAlgorithm());
        assertTrue(signed.verify(new RSASSAVerifier(key)), "the signature verifies with the published key");
        return JSON.readTree(signed.getPayload().toString());
    }

    /** The bit of the credential's entry for the purpose, read from the downloaded list. */
    private static int bit(JsonNode credential, String purpose) throws Exception {
        JsonNode entry = null;
        for (JsonNode e : credential.get("credentialStatus")) {
            if (e.get("statusPurpose").asText().equals(purpose)) {
                entry = e;
            }
        }
        assertEquals("BitstringStatusListEntry", entry.get("type").asText());
        String url = entry.get("statusListCredential").asText();
        int index = Integer.parseInt(entry.get("statusListIndex").asText());
        byte[] bits = listBits(url, purpose);
        return (bits[index / 8] >> (7 - index % 8)) & 1;
    }

    private static byte[] listBits(String url, String purpose) throws Exception {
        String path = url.substring(url.indexOf("/api/v1/status-lists/"));
        var response = anonymous().get(path).then().statusCode(200).contentType("application/vc+jwt").extract();
        assertTrue(response.header("Cache-Control").matches("public, max-age=\\d+"), response.header("Cache-Control"));
        JsonNode list = verified(response.asString());
        assertEquals(url, list.get("id").asText());
        assertTrue(list.get("type").toString().contains("BitstringStatusListCredential"));
        JsonNode subject = list.get("credentialSubject");
        assertEquals("BitstringStatusList", subject.get("type").asText());
        assertEquals(purpose, subject.get("statusPurpose").asText());
        String encoded = subject.get("encodedList").asText();
        assertTrue(encoded.startsWith("u"), "multibase base64url prefix");
        byte[] compressed = Base64.getUrlDecoder().decode(encoded.substring(1));
        byte[] bits = new GZIPInputStream(new ByteArrayInputStream(compressed)).readAllBytes();
        assertEquals(LIST_SIZE / 8, bits.length, "131,072 entries");
        return bits;
    }

    private static JsonNode check(String presented) {
        String answer = anonymous().contentType("application/vc+jwt").body(presented.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/credentials/verification").then().statusCode(200).extract().asString();
        try {
            return JSON.readTree(answer);
        } catch (Exception e) {
            throw new AssertionError(answer, e);
        }
    }

    private static List<String> problems(JsonNode outcome) {
        List<String> problems = new ArrayList<>();
        outcome.get("problems").forEach(p -> problems.add(p.asText()));
        return problems;
    }

    @Test
    void aGrantedLabelCarriesAnOpenBadgeWhoseStatusBitsFollowTheLabel() throws Exception {
        Practitioner holder = eligible();
        String number = labelOf(holder);
        String jwt = credentialJwt(holder, number);
        SignedJWT signed = SignedJWT.parse(jwt);
        assertEquals("vc+jwt", signed.getHeader().getType().getType());
        JsonNode vc = verified(jwt);

        assertEquals(List.of("https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"), strings(vc.get("@context")));
        assertEquals(List.of("VerifiableCredential", "OpenBadgeCredential"), strings(vc.get("type")));
        assertTrue(vc.get("id").asText().startsWith("urn:uuid:"));
        assertEquals("Profile", vc.get("issuer").get("type").get(0).asText());
        String issuerId = vc.get("issuer").get("id").asText();
        assertEquals(issuerId, vc.get("iss").asText());
        given().get(issuerId.substring(issuerId.indexOf("/api/"))).then().statusCode(200)
                .body("id", equalTo(issuerId)).body("type", contains("Profile"));
        LocalDate expiry = LocalDate.parse(given().header("Authorization", REGULATOR).get("/api/v1/labels/" + number)
                .then().extract().path("expiresOn"));
        assertEquals(expiry.atStartOfDay(ZoneId.of("Europe/Paris")).toInstant(),
                Instant.parse(vc.get("validUntil").asText()));
        assertEquals(Instant.parse(vc.get("validUntil").asText()).getEpochSecond(), vc.get("exp").asLong());
        JsonNode subject = vc.get("credentialSubject");
        assertEquals("AchievementSubject", subject.get("type").get(0).asText());
        assertEquals("Achievement", subject.get("achievement").get("type").get(0).asText());
        assertEquals(List.of(term("appellations", "PAIR_AIDANT")), strings(subject.get("achievement").get("tag")),
                "the appellations, and no lived-experience domain without the holder's consent");
        assertEquals(holder.registryNumber(), subject.get("identifier").get(0).get("identityHash").asText());
        assertFalse(vc.toString().matches("(?s).*[\\w.-]+@[\\w-]+\\.\\w+.*"), "no email address in the credential");
        assertEquals(2, vc.get("credentialStatus").size());

        assertEquals(0, bit(vc, "revocation"));
        assertEquals(0, bit(vc, "suspension"));
        assertTrue(check(jwt).get("valid").asBoolean());

        decide(number, "suspension", reason("Complaint under investigation")).statusCode(200);
        assertEquals(1, bit(vc, "suspension"));
        assertEquals(0, bit(vc, "revocation"));
        JsonNode suspended = check(jwt);
        assertFalse(suspended.get("valid").asBoolean());
        assertTrue(suspended.get("authentic").asBoolean());
        assertEquals(List.of("SUSPENDED"), problems(suspended));

        decide(number, "reinstatement", reason("Complaint dismissed")).statusCode(200);
        assertEquals(0, bit(vc, "suspension"));
        assertTrue(check(jwt).get("valid").asBoolean());

        decide(number, "revocation", reason("Serious breach")).statusCode(200);
        assertEquals(1, bit(vc, "revocation"));
        assertEquals(List.of("REVOKED"), problems(check(jwt)));
    }

    @Test
    void theLivedExperienceDomainsAreInTheCredentialOnlyWithTheHoldersConsent() throws Exception {
        Practitioner holder = newPractitioner();
        feed(holder, CORE_COMPLETED, "ACTIVE", true, "Camille D.", true);
        String number = labelOf(holder);
        JsonNode achievement = verified(credentialJwt(holder, number)).get("credentialSubject").get("achievement");
        assertEquals(List.of(term("appellations", "PAIR_AIDANT"), term("domains", "MENTAL_HEALTH")),
                strings(achievement.get("tag")));
    }

    @Test
    void theHolderTheRegulatorAndAgentsMayReadTheCredentialOthersMayNot() {
        Practitioner holder = eligible();
        String number = labelOf(holder);
        String path = "/api/v1/labels/" + number + "/credential";
        given().header("Authorization", holder.token()).accept("application/json").get(path).then().statusCode(200)
                .contentType("application/json").body("type", contains("VerifiableCredential", "OpenBadgeCredential"))
                .body("credentialStatus.statusPurpose", containsInAnyOrder("revocation", "suspension"));
        given().header("Authorization", REGULATOR).accept("application/vc+jwt").get(path).then().statusCode(200);
        given().header("Authorization", AGENT).accept("application/vc+jwt").get(path).then().statusCode(200);
        given().header("Authorization", eligible().token()).get(path).then().statusCode(403);
        given().header("Authorization", EMPLOYER).get(path).then().statusCode(403);
        given().get(path).then().statusCode(401);
    }

    @Test
    void aNewSigningKeyLeavesTheCredentialsSignedBeforeVerifiable() throws Exception {
        Practitioner first = eligible();
        String before = credentialJwt(first, labelOf(first));
        keys.rotate();
        Practitioner second = eligible();
        String after = credentialJwt(second, labelOf(second));
        assertNotEquals(SignedJWT.parse(before).getHeader().getKeyID(), SignedJWT.parse(after).getHeader().getKeyID());
        verified(before);
        verified(after);
        assertTrue(check(before).get("valid").asBoolean());
        assertEquals(0, bit(verified(before), "revocation"), "a list signed with the new key verifies too");
    }

    @Test
    void statusIndexesAreRandomAndDistinct() throws Exception {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Practitioner holder = eligible();
            JsonNode vc = verified(credentialJwt(holder, labelOf(holder)));
            indexes.add(Integer.parseInt(vc.get("credentialStatus").get(0).get("statusListIndex").asText()));
            assertEquals(vc.get("credentialStatus").get(0).get("statusListIndex"),
                    vc.get("credentialStatus").get(1).get("statusListIndex"), "the same index in both lists");
        }
        assertEquals(indexes.size(), new HashSet<>(indexes).size(), "no index given twice: " + indexes);
        List<Integer> sorted = new ArrayList<>(indexes);
        sorted.sort(null);
        assertNotEquals(sorted, indexes, "indexes are not given in order: " + indexes);
        assertTrue(sorted.get(sorted.size() - 1) - sorted.get(0) > LIST_SIZE / 4,
                "indexes spread over the list: " + indexes);
    }

    @Test
    void aRenewalIssuesANewCredentialAndTheExpiryRevokesEveryCredentialOfTheLabel() throws Exception {
        LocalDate granted = LocalDate.of(2032, 3, 1);
        clock.set(granted.atTime(10, 0).toInstant(ZoneOffset.UTC));
        Practitioner holder = eligible();
        String number = labelOf(holder);
        JsonNode first = verified(credentialJwt(holder, number));
        LocalDate expiry = granted.plusYears(3);
        clock.set(expiry.minusDays(90).atTime(10, 0).toInstant(ZoneOffset.UTC));
        scheduler.advanceAll();
        decide(number, "renewal", reason("Supervision continued")).statusCode(200);
        String renewedJwt = credentialJwt(holder, number);
        JsonNode renewed = verified(renewedJwt);
        assertNotEquals(first.get("id"), renewed.get("id"));
        assertEquals(expiry.plusYears(3).atStartOfDay(ZoneId.of("Europe/Paris")).toInstant(),
                Instant.parse(renewed.get("validUntil").asText()));
        assertEquals(0, bit(first, "revocation"), "the first credential holds until its own end");
        assertTrue(check(renewedJwt).get("valid").asBoolean());

        clock.set(expiry.plusYears(3).atTime(10, 0).toInstant(ZoneOffset.UTC));
        scheduler.advanceAll();
        assertEquals(1, bit(first, "revocation"));
        assertEquals(1, bit(renewed, "revocation"));
        assertEquals(List.of("EXPIRED"), problems(check(renewedJwt)),
                "past its validity, a credential is not current");
    }

    @Test
    void aWithdrawalRevokesTheCredentialAndErasesIt() throws Exception {
        Practitioner holder = eligible();
        String number = labelOf(holder);
        String jwt = credentialJwt(holder, number);
        feed(holder, WITHDRAWN, "WITHDRAWN", true, null);
        assertEquals(1, bit(verified(jwt), "revocation"));
        given().header("Authorization", REGULATOR).accept("application/vc+jwt")
                .get("/api/v1/labels/" + number + "/credential").then().statusCode(404);
        assertEquals(List.of("REVOKED"), problems(check(jwt)));
    }

    @Test
    void aCheckSaysWhyAPresentedCredentialDoesNotHold() throws Exception {
        Practitioner holder = eligible();
        String jwt = credentialJwt(holder, labelOf(holder));

        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("\"Label pair-aidance", "\"Label pair-aidance (forged)").getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
        JsonNode altered = check(forged);
        assertFalse(altered.get("authentic").asBoolean());
        assertEquals(List.of("ALTERED"), problems(altered));

        RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
        SignedJWT foreign = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("stranger").build(),
                JWTClaimsSet.parse(payload));
        foreign.sign(new RSASSASigner(stranger));
        assertEquals(List.of("NOT_OURS"), problems(check(foreign.serialize())));

        assertEquals(List.of("UNREADABLE"), problems(check("not a credential")));
        assertEquals(List.of("UNSIGNED_COPY"), problems(check(payload)));
        String envelope = "{\"@context\":[\"https://www.w3.org/ns/credentials/v2\"],"
                + "\"type\":\"EnvelopedVerifiableCredential\",\"id\":\"data:application/vc+jwt,"
                + URLEncoder.encode(jwt, StandardCharsets.UTF_8) + "\"}";
        assertTrue(anonymous().contentType("application/json").body(envelope).post("/api/v1/credentials/verification")
                .then().statusCode(200).extract().<Boolean>path("valid"));
        anonymous().contentType("application/vc+jwt").body(" ".getBytes(StandardCharsets.UTF_8)).post("/api/v1/credentials/verification").then()
                .statusCode(400).contentType("application/problem+json").body("errors.field", contains("body"));
    }

    private String term(String vocabulary, String code) {
        return vocabularies.terms(vocabulary).stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow().fr();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
