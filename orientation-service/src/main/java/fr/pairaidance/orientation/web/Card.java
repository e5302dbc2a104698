package fr.pairaidance.orientation.web;

import fr.pairaidance.orientation.persistence.Listing;
import fr.pairaidance.orientation.service.SearchResult;
import fr.pairaidance.platform.reference.Geography;
import io.quarkus.qute.TemplateData;
import java.time.LocalDate;
import java.util.List;

/**
 * A published practitioner on a page: the fields they consented to publish (null = not published), where
 * they practise, their label, and how they matched the area searched (null without an area).
 */
@TemplateData
public record Card(String registryNumber, String publicName, String commune, String zone, String department,
        List<String> modes, boolean remote, List<String> domains, List<String> appellations, List<String> formats,
        List<String> languages, String labelNumber, String labelState, LocalDate expiresOn, String matchedBy) {

    static Card of(SearchResult.Hit h, Geography geo) {
        return new Card(h.registryNumber(), h.publicName(), communeName(h.communeCode(), geo),
                zoneName(h.zoneCode(), geo), departmentName(h.departmentCode(), geo), h.modes(), h.remote(),
                h.domains(), h.appellations(), h.formats(), h.languages(), h.labelNumber(), h.labelState(),
                h.expiresOn(), h.matchedBy() == null ? null : h.matchedBy().name());
    }

    static Card of(Listing l, Geography geo) {
        return new Card(l.registryNumber, l.publicName, communeName(l.communeCode, geo), zoneName(l.zoneCode, geo),
                departmentName(l.departmentCode, geo), l.modes, l.remote, l.domains, l.appellations, l.formats,
                l.languages, l.labelNumber, l.labelState, l.expiresOn, null);
    }

    /** The style of the label's state: its words always say it too. */
    public String stateClass() {
        return "ACTIVE".equals(labelState) ? "state-ok" : "state-warn";
    }

    private static String communeName(String code, Geography geo) {
        return code == null ? null : geo.commune(code).map(Geography.Commune::name).orElse(code);
    }

    private static String zoneName(String code, Geography geo) {
        return code == null ? null : geo.zone(code).map(Geography.Zone::name).orElse(code);
    }

    private static String departmentName(String code, Geography geo) {
        return code == null ? null : geo.department(code).map(d -> d.name() + " (" + d.code() + ")").orElse(code);
    }
}
