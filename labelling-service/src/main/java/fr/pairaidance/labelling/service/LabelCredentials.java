package fr.pairaidance.labelling.service;

import fr.pairaidance.labelling.config.LabellingConfig;
import fr.pairaidance.labelling.persistence.Label;
import fr.pairaidance.labelling.persistence.LabelCredential;
import fr.pairaidance.labelling.persistence.LabelState;
import fr.pairaidance.labelling.persistence.PractitionerEligibility;
import fr.pairaidance.platform.problem.ProblemException;
import fr.pairaidance.platform.reference.Vocabularies;
import fr.pairaidance.platform.web.WebConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Open Badges 3.0 credential of a label (an {@code OpenBadgeCredential} on the W3C Verifiable
 * Credentials Data Model 2.0, secured as VC-JWT): issued at grant and at each renewal, with a
 * revocation and a suspension entry in the status lists; the label's state sets the entries' bits.
 * Also the issuer's profile, the achievement, and the signed status lists.
 */
@ApplicationScoped
public class LabelCredentials {

    public static final String CREDENTIALS_CONTEXT = "https://www.w3.org/ns/credentials/v2";
    public static final String OPEN_BADGES_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
    public static final String ISSUER_PATH = "/api/v1/issuer";
    public static final String ACHIEVEMENT_PATH = ISSUER_PATH + "/achievements/peer-helper-label";
    public static final String STATUS_LIST_PATH = "/api/v1/status-lists/";

    /** A status list as signed, with the list version it shows. */
    private record SignedList(long version, String jwt, Instant signedAt) {
    }

    private final StatusLists lists;
    private final VcJwt jwt;
    private final Vocabularies vocabularies;
    private final LabellingConfig config;
    private final WebConfig web;
    private final EntityManager em;
    private final Clock clock;
    private final Map<String, SignedList> signedLists = new ConcurrentHashMap<>();

    LabelCredentials(StatusLists lists, VcJwt jwt, Vocabularies vocabularies, LabellingConfig config, WebConfig web,
            EntityManager em, Clock clock) {
        this.lists = lists;
        this.jwt = jwt;
        this.vocabularies = vocabularies;
        this.config = config;
        this.web = web;
        this.em = em;
        this.clock = clock;
    }

    /** Issues a credential for the label as it is now (its scope, its expiry), in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public LabelCredential issue(Label label) {
        LabelCredential c = new LabelCredential();
        c.id = UUID.randomUUID();
        c.labelId = label.id;
        c.issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        c.validUntil = label.expiresOn.atStartOfDay(config.timeZone()).toInstant();
        StatusLists.Entry entry = lists.allocate();
        c.statusList = entry.list();
        c.statusIndex = entry.index();
        PractitionerEligibility holder = PractitionerEligibility.findById(label.practitionerId);
        VcJwt.Signed signed = jwt.sign(credential(c, label, holder), c.issuedAt, c.validUntil);
        c.keyId = signed.keyId();
        c.jwt = signed.jwt();
        c.persist();
        return c;
    }

    /**
     * Sets the bits of every credential of the label from its new state: suspended while SUSPENDED;
     * revoked once REVOKED, EXPIRED or WITHDRAWN (a withdrawal also erases the credentials' text).
     * A renewal issues a new credential with the new expiry.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void stateChanged(Label label, boolean renewed) {
        boolean revoked = label.state == LabelState.REVOKED || label.state == LabelState.EXPIRED
                || label.state == LabelState.WITHDRAWN;
        boolean suspended = label.state == LabelState.SUSPENDED;
        int changed = em.createNativeQuery("update label_credential set revoked = revoked or ?1, suspended = ?2 "
                        + "where label_id = ?3 and (suspended <> ?2 or (?1 and not revoked))")
                .setParameter(1, revoked).setParameter(2, suspended).setParameter(3, label.id).executeUpdate();
        if (label.state == LabelState.WITHDRAWN) {
            em.createNativeQuery("update label_credential set jwt = null where label_id = ?1")
                    .setParameter(1, label.id).executeUpdate();
        }
        if (changed > 0) {
            lists.changed(label.id);
        }
        if (renewed) {
            issue(label);
        }
    }

    /**
     * The newest credential of the label; a valid label granted before credentials existed is given one now.
     */
    @Transactional
    public LabelCredential of(Label label) {
        return LabelCredential.latest(label.id).orElseGet(() -> {
            if (!label.state.isValid() || !LabelCredential.of(label.id).isEmpty()) {
                throw ProblemException.notFound("Credential of label", label.number);
            }
            return issue(em.merge(label));
        });
    }

    /** The credential's JSON (the JWT's payload). */
    public Map<String, Object> json(LabelCredential credential) {
        return jwt.payload(credential.jwt);
    }

    /** The signed status list (a {@code BitstringStatusListCredential} as VC-JWT), re-signed when its bits change. */
    public String statusList(int list, StatusLists.Purpose purpose) {
        long version = lists.version(list);
        if (version < 0) {
            throw ProblemException.notFound("Status list", list + "/" + purpose.code());
        }
        String key = list + "/" + purpose.code();
        SignedList cached = signedLists.get(key);
        Instant now = clock.instant();
        if (cached != null && cached.version() >= version
                && cached.signedAt().plus(config.credentials().statusListMaxAge()).isAfter(now)) {
            return cached.jwt();
        }
        String url = statusListUrl(list, purpose);
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("id", url + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", purpose.code());
        subject.put("encodedList", lists.encodedList(list, purpose));
        subject.put("ttl", config.credentials().statusListMaxAge().toMillis());
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("@context", List.of(CREDENTIALS_CONTEXT));
        vc.put("id", url);
        vc.put("type", List.of("VerifiableCredential", "BitstringStatusListCredential"));
        vc.put("issuer", issuerId());
        Instant signedAt = now.truncatedTo(ChronoUnit.SECONDS);
        Instant until = signedAt.plus(1, ChronoUnit.DAYS);
        vc.put("validFrom", signedAt.toString());
        vc.put("validUntil", until.toString());
        vc.put("credentialSubject", subject);
        String signed = jwt.sign(vc, signedAt, until).jwt();
        signedLists.put(key, new SignedList(version, signed, signedAt));
        return signed;
    }

    /** The regulator as an Open Badges {@code Profile}. */
    public Map<String, Object> issuer() {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("@context", List.of(CREDENTIALS_CONTEXT, OPEN_BADGES_CONTEXT));
        profile.put("id", issuerId());
        profile.put("type", List.of("Profile"));
        profile.put("name", config.credentials().issuerName());
        profile.put("url", base());
        return profile;
    }

    /** The label as an Open Badges {@code Achievement}, without a holder's scope. */
    public Map<String, Object> achievement() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("@context", List.of(CREDENTIALS_CONTEXT, OPEN_BADGES_CONTEXT));
        a.putAll(achievement(List.of(), List.of()));
        return a;
    }

    public String issuerId() {
        return base() + ISSUER_PATH;
    }

    public String statusListUrl(int list, StatusLists.Purpose purpose) {
        return base() + STATUS_LIST_PATH + list + "/" + purpose.code();
    }

    /** The number of the list an address of ours names for the purpose, if it is one. */
    public OptionalInt listOf(String url, StatusLists.Purpose purpose) {
        String prefix = base() + STATUS_LIST_PATH;
        String suffix = "/" + purpose.code();
        if (!url.startsWith(prefix) || !url.endsWith(suffix)) {
            return OptionalInt.empty();
        }
        String number = url.substring(prefix.length(), url.length() - suffix.length());
        return number.matches("[1-9][0-9]{0,8}") ? OptionalInt.of(Integer.parseInt(number)) : OptionalInt.empty();
    }

    private String base() {
        return web.sites().get(web.site());
    }

    private Map<String, Object> credential(LabelCredential c, Label label, PractitionerEligibility holder) {
        List<String> domains = holder != null && holder.domainsPublished ? label.domains : List.of();
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("type", List.of("AchievementSubject"));
        List<Map<String, Object>> identifiers = new ArrayList<>();
        identifiers.add(identity("identifier", label.registryNumber));
        if (holder != null && holder.publicName != null) {
            identifiers.add(identity("name", holder.publicName));
        }
        subject.put("identifier", identifiers);
        subject.put("achievement", achievement(label.appellations, domains));
        Map<String, Object> issuer = new LinkedHashMap<>();
        issuer.put("id", issuerId());
        issuer.put("type", List.of("Profile"));
        issuer.put("name", config.credentials().issuerName());
        Map<String, Object> vc = new LinkedHashMap<>();
        vc.put("@context", List.of(CREDENTIALS_CONTEXT, OPEN_BADGES_CONTEXT));
        vc.put("id", "urn:uuid:" + c.id);
        vc.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
        vc.put("name", "Label pair-aidance " + label.number);
        vc.put("issuer", issuer);
        vc.put("validFrom", c.issuedAt.toString());
        vc.put("validUntil", c.validUntil.toString());
        vc.put("credentialSubject", subject);
        vc.put("credentialStatus", List.of(status(c, StatusLists.Purpose.REVOCATION),
                status(c, StatusLists.Purpose.SUSPENSION)));
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("id", base() + "/verify/" + label.number);
        evidence.put("type", List.of("Evidence"));
        evidence.put("name", label.number);
        vc.put("evidence", List.of(evidence));
        return vc;
    }

    private Map<String, Object> achievement(List<String> appellations, List<String> domains) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("id", base() + ACHIEVEMENT_PATH);
        a.put("type", List.of("Achievement"));
        a.put("achievementType", "License");
        a.put("name", "Label pair-aidance");
        a.put("description", "Label de pair-aidant délivré par " + config.credentials().issuerName()
                + " : formation au socle commun, expérience reconnue et engagement déontologique.");
        a.put("criteria", Map.of("narrative", "Inscription au registre national, socle commun de formation validé "
                + "(ou VAE), examen de la demande par le régulateur."));
        a.put("inLanguage", "fr");
        List<String> tags = new ArrayList<>();
        tags.addAll(terms(Vocabularies.APPELLATIONS, appellations));
        tags.addAll(terms(Vocabularies.DOMAINS, domains));
        if (!tags.isEmpty()) {
            a.put("tag", tags);
        }
        return a;
    }

    private List<String> terms(String vocabulary, List<String> codes) {
        return codes.stream().map(code -> vocabularies.terms(vocabulary).stream().filter(t -> t.code().equals(code))
                .map(Vocabularies.Term::fr).findFirst().orElse(code)).toList();
    }

    private Map<String, Object> status(LabelCredential c, StatusLists.Purpose purpose) {
        String list = statusListUrl(c.statusList, purpose);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", list + "#" + c.statusIndex);
        entry.put("type", "BitstringStatusListEntry");
        entry.put("statusPurpose", purpose.code());
        entry.put("statusListIndex", Integer.toString(c.statusIndex));
        entry.put("statusListCredential", list);
        return entry;
    }

    private static Map<String, Object> identity(String type, String value) {
        Map<String, Object> id = new LinkedHashMap<>();
        id.put("type", "IdentityObject");
        id.put("identityType", type);
        id.put("hashed", false);
        id.put("identityHash", value);
        return id;
    }
}
