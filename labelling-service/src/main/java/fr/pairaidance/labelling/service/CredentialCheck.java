package fr.pairaidance.labelling.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.pairaidance.labelling.persistence.LabelCredential;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Checks a credential someone presents (the VC-JWT, or the JSON envelope holding it): authentic
 * (signed by one of our published keys, unaltered), current (within its validity), and neither
 * revoked nor suspended (the bits of its status entries). Every reason it fails is given.
 */
@ApplicationScoped
public class CredentialCheck {

    private static final String ENVELOPE_PREFIX = "data:" + VcJwt.MEDIA_TYPE + ",";

    /** Why a credential does not hold; several may apply. */
    public enum Problem {
        UNREADABLE, UNSIGNED_COPY, NOT_OURS, ALTERED, NOT_YET_VALID, EXPIRED, REVOKED, SUSPENDED, UNKNOWN_STATUS
    }

    /**
     * The outcome: {@code valid} when there is no problem; the credential's name, holder and dates when
     * it could be read.
     */
    public record Outcome(boolean valid, boolean authentic, boolean current, boolean revoked, boolean suspended,
            List<Problem> problems, String name, String holder, Instant validFrom, Instant validUntil) {
    }

    private final VcJwt jwt;
    private final LabelCredentials credentials;
    private final ObjectMapper mapper;
    private final Clock clock;

    CredentialCheck(VcJwt jwt, LabelCredentials credentials, ObjectMapper mapper, Clock clock) {
        this.jwt = jwt;
        this.credentials = credentials;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional
    public Outcome check(String presented) {
        String text = presented == null ? "" : presented.strip();
        if (text.startsWith("{")) {
            Optional<String> enveloped = envelopedJwt(text);
            if (enveloped.isEmpty()) {
                return failed(List.of(looksLikeCredential(text) ? Problem.UNSIGNED_COPY : Problem.UNREADABLE));
            }
            text = enveloped.get();
        }
        Optional<VcJwt.Opened> opened = jwt.open(text);
        if (opened.isEmpty()) {
            return failed(List.of(Problem.UNREADABLE));
        }
        JsonNode vc = mapper.valueToTree(opened.get().credential());
        List<Problem> problems = new ArrayList<>();
        boolean ours = jwt.isPublished(opened.get().keyId())
                && credentials.issuerId().equals(vc.path("issuer").path("id").asText());
        if (!jwt.isPublished(opened.get().keyId())) {
            problems.add(Problem.NOT_OURS);
        } else if (!opened.get().signatureValid() || !ours) {
            problems.add(Problem.ALTERED);
        }
        Instant from = instant(vc.path("validFrom"));
        Instant until = instant(vc.path("validUntil"));
        Instant now = clock.instant();
        if (from == null || from.isAfter(now)) {
            problems.add(Problem.NOT_YET_VALID);
        }
        if (until == null || !until.isAfter(now)) {
            problems.add(Problem.EXPIRED);
        }
        boolean revoked = false;
        boolean suspended = false;
        if (problems.isEmpty()) {
            boolean known = false;
            for (JsonNode entry : vc.path("credentialStatus")) {
                Optional<LabelCredential> held = statusOf(entry);
                if (held.isEmpty()) {
                    continue;
                }
                known = true;
                String purpose = entry.path("statusPurpose").asText();
                revoked |= purpose.equals(StatusLists.Purpose.REVOCATION.code()) && held.get().revoked;
                suspended |= purpose.equals(StatusLists.Purpose.SUSPENSION.code()) && held.get().suspended;
            }
            if (!known) {
                problems.add(Problem.UNKNOWN_STATUS);
            }
            if (revoked) {
                problems.add(Problem.REVOKED);
            }
            if (suspended) {
                problems.add(Problem.SUSPENDED);
            }
        }
        boolean authentic = !problems.contains(Problem.NOT_OURS) && !problems.contains(Problem.ALTERED);
        boolean current = authentic && !problems.contains(Problem.NOT_YET_VALID) && !problems.contains(Problem.EXPIRED);
        String holder = null;
        for (JsonNode id : vc.path("credentialSubject").path("identifier")) {
            if ("name".equals(id.path("identityType").asText())) {
                holder = id.path("identityHash").asText();
            }
        }
        return new Outcome(problems.isEmpty(), authentic, current, revoked, suspended, List.copyOf(problems),
                vc.path("name").asText(null), holder, from, until);
    }

    /** The credential holding the entry, when the entry points to one of our lists. */
    private Optional<LabelCredential> statusOf(JsonNode entry) {
        StatusLists.Purpose purpose = StatusLists.Purpose.of(entry.path("statusPurpose").asText());
        String index = entry.path("statusListIndex").asText("");
        if (purpose == null || !index.matches("[0-9]{1,6}")) {
            return Optional.empty();
        }
        OptionalInt list = credentials.listOf(entry.path("statusListCredential").asText(""), purpose);
        return list.isPresent() ? LabelCredential.at(list.getAsInt(), Integer.parseInt(index)) : Optional.empty();
    }

    private Optional<String> envelopedJwt(String json) {
        try {
            JsonNode node = mapper.readTree(json);
            String id = node.path("id").asText("");
            if (node.path("type").toString().contains("EnvelopedVerifiableCredential") && id.startsWith(ENVELOPE_PREFIX)) {
                return Optional.of(URLDecoder.decode(id.substring(ENVELOPE_PREFIX.length()), StandardCharsets.UTF_8));
            }
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private boolean looksLikeCredential(String json) {
        try {
            return mapper.readTree(json).path("type").toString().contains("VerifiableCredential");
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private static Instant instant(JsonNode value) {
        try {
            return value.isTextual() ? Instant.parse(value.asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Outcome failed(List<Problem> problems) {
        return new Outcome(false, false, false, false, false, problems, null, null, null, null);
    }
}
