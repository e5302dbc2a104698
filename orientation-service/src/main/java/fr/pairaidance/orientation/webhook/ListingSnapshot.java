package fr.pairaidance.orientation.webhook;

import fr.pairaidance.orientation.persistence.Listing;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A copy of what a listing shows, taken before and after an event changes it: the listing itself is
 * updated in place. Holds only published fields (a listing never holds contact details).
 */
public record ListingSnapshot(String registryNumber, String publicName, String communeCode, String zoneCode,
        String departmentCode, String regionCode, List<String> modes, boolean remote, List<String> domains,
        List<String> appellations, List<String> formats, List<String> languages, String labelNumber,
        String labelState, LocalDate expiresOn) {

    /** @return null when there is no listing (the practitioner is not published) */
    public static ListingSnapshot of(Listing l) {
        if (l == null) {
            return null;
        }
        return new ListingSnapshot(l.registryNumber, l.publicName, l.communeCode, l.zoneCode, l.departmentCode,
                l.regionCode, copy(l.modes), l.remote, copy(l.domains), copy(l.appellations), copy(l.formats),
                copy(l.languages), l.labelNumber, l.labelState, l.expiresOn);
    }

    /** The typed areas the listing is in, as subscriptions name them: ze:, dep:, reg: and com: when published. */
    Set<String> areas() {
        Set<String> areas = new LinkedHashSet<>();
        add(areas, "com:", communeCode);
        add(areas, "ze:", zoneCode);
        add(areas, "dep:", departmentCode);
        add(areas, "reg:", regionCode);
        return areas;
    }

    private static void add(Set<String> areas, String prefix, String code) {
        if (code != null) {
            areas.add(prefix + code);
        }
    }

    private static List<String> copy(List<String> values) {
        return values == null ? null : java.util.Collections.unmodifiableList(new ArrayList<>(values));
    }
}
