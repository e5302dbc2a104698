package fr.pairaidance.orientation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A self-diagnosis a signed-in employer saved: the workforce counts and the result, as JSON. */
@Entity
@Table(name = "saved_diagnosis")
public class SavedDiagnosis extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "employer_subject")
    public String employerSubject;

    @Column(name = "created_at")
    public Instant createdAt;

    public String input;
    public String result;

    public static List<SavedDiagnosis> ofEmployer(String subject) {
        return list("employerSubject = ?1 order by createdAt desc, id", subject);
    }
}
