package fr.pairaidance.orientation.service;

import fr.pairaidance.orientation.persistence.LabelState;
import fr.pairaidance.orientation.persistence.Listing;
import fr.pairaidance.orientation.persistence.RegistryState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Keeps the listing of one practitioner equal to what the two latest states say: present when the
 * registry state is active and listed and the label is ACTIVE or RENEWAL_DUE, absent otherwise. Every
 * change of a row bumps the {@link ReadModelVersion} in the same transaction.
 */
@ApplicationScoped
public class Listings {

    private final ReadModelVersion version;

    Listings(ReadModelVersion version) {
        this.version = version;
    }

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
                version.bump();
            }
            return;
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
        listing.remote = r.remote;
        listing.labelNumber = l.labelNumber;
        listing.labelState = l.state;
        listing.expiresOn = l.expiresOn;
        if (created) {
            listing.persist();
        }
        if (created || !before.equals(shown(listing))) {
            version.bump();
        }
    }

    /** Every column of the row except its key: what search may show. */
    private static List<Object> shown(Listing l) {
        return Arrays.asList(l.registryNumber, l.publicName, l.communeCode, l.zoneCode, l.departmentCode,
                l.regionCode, l.modes, l.domains, l.appellations, l.formats, l.languages, l.remote, l.labelNumber,
                l.labelState, l.expiresOn);
    }
}
