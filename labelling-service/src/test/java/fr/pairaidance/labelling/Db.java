package fr.pairaidance.labelling;

import fr.pairaidance.labelling.persistence.PractitionerEligibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/** Reads of the service's tables that tests need from any thread (Awaitility polls in its own). */
@ApplicationScoped
public class Db {

    @Transactional
    public Optional<PractitionerEligibility> eligibility(String practitionerId) {
        Optional<PractitionerEligibility> found = PractitionerEligibility.findByIdOptional(UUID.fromString(practitionerId));
        found.ifPresent(e -> PractitionerEligibility.getEntityManager().detach(e));
        return found;
    }
}
