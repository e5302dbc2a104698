package fr.pairaidance.orientation.service;

import fr.pairaidance.orientation.persistence.PractitionerLabel;
import fr.pairaidance.orientation.persistence.Listing;
import fr.pairaidance.orientation.persistence.RegistryState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Keeps the listing of one practitioner equal to what the two latest states say: present when the
 * registry state is active and listed and the label is ACTIVE or RENEWAL_DUE, absent otherwise.
 */
@ApplicationScoped
public class ListingProjection {

    public static boolean isPublished(RegistryState r, PractitionerLabel l) {
        return r != null && r.isActive() && r.listed && l != null && l.isPublishable() && l.labelNumber != null;
    }

    /**
     * Brings the listing of one practitioner in line with its stored states.
     *
     * @return whether a listed row was added, changed or removed: the caller bumps the version once
     *     per transaction, at its end, so that the version row stays locked for as short as possible
     */
    @Transactional(Transactional.TxType.MANDATORY)
    boolean refresh(UUID practitionerId, StoredStates states) {
        RegistryState r = states.registry.get(practitionerId);
        PractitionerLabel l = states.labels.get(practitionerId);
        Listing listing = states.listings.get(practitionerId);
        if (!isPublished(r, l)) {
            if (listing == null) {
                return false;
            }
            listing.delete();
            states.listings.remove(practitionerId);
            return true;
        }
        boolean created = listing == null;
        if (created) {
            listing = new Listing();
            listing.practitionerId = practitionerId;
        }
        List<Object> before = created ? null : shown(listing);
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
        listing.siret = r.siret;
        listing.employerName = r.employerName;
        listing.remote = r.remote;
        listing.labelNumber = l.labelNumber;
        listing.labelState = l.state;
        listing.expiresOn = l.expiresOn;
        if (created) {
            listing.persist();
            states.listings.put(practitionerId, listing);
            return true;
        }
        return !before.equals(shown(listing));
    }

    /** Every column of the row except its key: what search and the data·inclusion export may show. */
    private static List<Object> shown(Listing l) {
        return Arrays.asList(l.registryNumber, l.publicName, l.communeCode, l.zoneCode, l.departmentCode,
                l.regionCode, l.modes, l.domains, l.appellations, l.formats, l.languages, l.siret, l.employerName,
                l.remote, l.labelNumber, l.labelState, l.expiresOn);
    }
}
