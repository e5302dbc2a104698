package fr.pairaidance.labelling.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * An Open Badges credential issued for a label, with its place in the status lists. The JWT is what
 * the holder downloads; it is erased (null) when the holder leaves the register.
 */
@Entity
@Table(name = "label_credential")
public class LabelCredential extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "label_id")
    public UUID labelId;

    @Column(name = "key_id")
    public String keyId;

    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "valid_until")
    public Instant validUntil;

    @Column(name = "status_list")
    public int statusList;

    @Column(name = "status_index")
    public int statusIndex;

    public boolean revoked;

    public boolean suspended;

    /** The credential as issued (compact VC-JWT). */
    public String jwt;

    public static List<LabelCredential> of(UUID labelId) {
        return list("labelId = ?1 order by issuedAt", labelId);
    }

    /** The newest credential of a label that can still be downloaded. */
    public static Optional<LabelCredential> latest(UUID labelId) {
        return find("labelId = ?1 and jwt is not null order by issuedAt desc", labelId).firstResultOptional();
    }

    public static Optional<LabelCredential> at(int statusList, int statusIndex) {
        return find("statusList = ?1 and statusIndex = ?2", statusList, statusIndex).firstResultOptional();
    }
}
