package fr.pairaidance.orientation.service;

import fr.pairaidance.orientation.persistence.LabelState;
import fr.pairaidance.orientation.persistence.Listing;
import fr.pairaidance.orientation.persistence.RegistryState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Keeps the listing of one practitioner equal to what the two latest states say: present when the
 * registry state is active and listed and the label is ACTIVE or RENEWAL_DUE, absent otherwise.
 */
@ApplicationScoped
public class Listings {

    public static boolean isPublished(RegistryState r, LabelState l) {
        return r != null && r.isActive() && r.listed && l != null && l.isPublishable() && l.labelNumber != null;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void refresh(UUID practitionerId) {
        RegistryState r = RegistryState.findById(practitionerId);
        LabelState l = LabelState.findById(practitionerId);
        Listing listing = Listing.findById(practitionerId);
        if (!isPublished(r, l)) {
            if (listing != null) {
                listing.delete();
            }
            return;
        }
        boolean created = listing == null;
        if (created) {
            listing = new Listing();
            listing.practitionerId = practitionerId;
        }
        listing.registryNumber = r.registryNumber;
        listing.publicName = r.publicName;
        listing.communeCode = r.communeCode;
        listing.zoneCode = r.zoneCode;
        listing.departmentCode = r.departmentCode;
        listing.regionCode = r.regionCode;
        listing.modes = r.modes;
        listing.domains = r.domains;
        listing.appellations = r.appellations;
        listing.formats = r.formats;
        listing.languages = r.languages;
        listing.remote = r.remote;
        listing.labelNumber = l.labelNumber;
        listing.labelState = l.state;
        listing.expiresOn = l.expiresOn;
        if (created) {
            listing.persist();
        }
    }
}
