package fr.pairaidance.orientation.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A published practitioner as search shows them: labelled (ACTIVE or RENEWAL_DUE) and listed, with
 * only the fields they consented to publish (null otherwise). Never holds contact details.
 */
@Entity
@Table(name = "listing")
public class Listing extends PanacheEntityBase {

    @Id
    @Column(name = "practitioner_id")
    public UUID practitionerId;

    @Column(name = "registry_number")
    public String registryNumber;

    @Column(name = "public_name")
    public String publicName;

    @Column(name = "commune_code")
    public String communeCode;

    @Column(name = "zone_code")
    public String zoneCode;

    @Column(name = "department_code")
    public String departmentCode;

    @Column(name = "region_code")
    public String regionCode;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> modes;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> domains;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> appellations;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> formats;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> languages;

    /** The SIRET of a self-employed practitioner, present only when published. */
    public String siret;

    /** The employer of a salaried practitioner, present only when published. */
    @Column(name = "employer_name")
    public String employerName;

    public boolean remote;

    @Column(name = "label_number")
    public String labelNumber;

    @Column(name = "label_state")
    public String labelState;

    @Column(name = "expires_on")
    public LocalDate expiresOn;

    public static Optional<Listing> findByRegistryNumber(String registryNumber) {
        return find("registryNumber", registryNumber).firstResultOptional();
    }
}
