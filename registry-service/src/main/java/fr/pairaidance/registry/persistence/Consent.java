package fr.pairaidance.registry.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One immutable version of a practitioner's consent to publication in orientation, field by field.
 * With no version at all, nothing is published.
 */
@Entity
@Table(name = "consent")
public class Consent extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "practitioner_id") UUID practitionerId, int version) implements Serializable {
    }

    @EmbeddedId
    public Key key;

    /** Appear in orientation search at all (public name, zone, modes, label). */
    public boolean listed;
    public boolean domains;
    public boolean appellations;
    public boolean formats;
    public boolean languages;
    /** Publish the commune; otherwise only the employment zone. */
    public boolean commune;
    /** Release contact details to an employer whose orientation request the practitioner accepts. */
    public boolean contact;
    /** Publish the organisation practised in: the SIRET when self-employed, the employer's name when salaried. */
    public boolean organisation;

    @Column(name = "given_at")
    public Instant givenAt;

    /** The practitioner's account (subject); {@value #ERASED_GIVER} once they have withdrawn. */
    @Column(name = "given_by")
    public String givenBy;

    public static final String ERASED_GIVER = "withdrawn";

    public static Optional<Consent> current(UUID practitionerId) {
        return find("key.practitionerId = ?1 order by key.version desc", practitionerId).firstResultOptional();
    }

    public static List<Consent> history(UUID practitionerId) {
        return list("key.practitionerId = ?1 order by key.version", practitionerId);
    }

    /** At withdrawal: the versions no longer name the account that gave them. */
    public static void eraseGivers(UUID practitionerId) {
        update("givenBy = ?1 where key.practitionerId = ?2", ERASED_GIVER, practitionerId);
    }
}
