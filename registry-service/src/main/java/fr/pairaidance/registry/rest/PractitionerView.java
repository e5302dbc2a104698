package fr.pairaidance.registry.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.pairaidance.platform.reference.Geography;
import fr.pairaidance.registry.persistence.Practitioner;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A practitioner's record as the API returns it; places carry their code and name. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PractitionerView(
        UUID id, String registryNumber, String status, String givenName, String familyName, LocalDate birthDate,
        String email, String phone, Place commune, Place zone, Place department, Place region,
        List<String> domains, List<String> appellations, List<String> modes, String siret, String employerName,
        List<String> formats, List<String> languages, boolean remote, boolean coreComplete, Instant coreCompletedAt,
        boolean accountLinked, Instant registeredAt, Instant updatedAt, Instant withdrawnAt) {

    public record Place(String code, String name) {
    }

    static PractitionerView of(Practitioner p, Geography geo) {
        return new PractitionerView(p.id, p.registryNumber, p.status.name(), p.givenName, p.familyName, p.birthDate,
                p.email, p.phone,
                p.communeCode == null ? null : new Place(p.communeCode, geo.commune(p.communeCode).map(Geography.Commune::name).orElse(null)),
                p.zoneCode == null ? null : new Place(p.zoneCode, geo.zone(p.zoneCode).map(Geography.Zone::name).orElse(null)),
                p.departmentCode == null ? null : new Place(p.departmentCode, geo.department(p.departmentCode).map(Geography.Department::name).orElse(null)),
                p.regionCode == null ? null : new Place(p.regionCode, geo.region(p.regionCode).map(Geography.Region::name).orElse(null)),
                p.domains, p.appellations, p.modes, p.siret, p.employerName, p.formats, p.languages, p.remote,
                p.coreComplete, p.coreCompletedAt, p.subject != null, p.registeredAt, p.updatedAt, p.withdrawnAt);
    }
}
