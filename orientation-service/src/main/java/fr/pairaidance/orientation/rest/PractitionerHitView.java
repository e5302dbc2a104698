package fr.pairaidance.orientation.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import fr.pairaidance.orientation.service.SearchResult;
import fr.pairaidance.platform.reference.Geography;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A published practitioner in search results: only what they consented to publish (absent fields
 * are not published), never contact details.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(example = """
        {"registryNumber": "PA-2026-000042", "publicName": "Camille D.", "commune": {"code": "69123", "name": "Lyon"},
         "zone": {"code": "8421", "name": "Lyon"}, "department": {"code": "69", "name": "Rhône"},
         "modes": ["SELF_EMPLOYED"], "remote": true, "domains": ["MENTAL_HEALTH"], "appellations": ["PAIR_AIDANT"],
         "formats": ["ONE_TO_ONE", "PEER_GROUP"], "languages": ["fr", "en"],
         "label": {"number": "LBL-2026-000731", "state": "ACTIVE", "expiresOn": "2029-04-02"}, "matchedBy": "ZONE"}""")
public record PractitionerHitView(String registryNumber, String publicName, Place commune, Place zone,
        Place department, List<String> modes, boolean remote, List<String> domains, List<String> appellations,
        List<String> formats, List<String> languages, Label label,
        @Schema(description = "ZONE, DEPARTMENT, REGION or REMOTE; absent without an area") String matchedBy) {

    public record Label(String number, String state, LocalDate expiresOn) {
    }

    static PractitionerHitView of(SearchResult.Hit h, Geography geo) {
        return new PractitionerHitView(h.registryNumber(), h.publicName(), Place.commune(h.communeCode(), geo),
                Place.zone(h.zoneCode(), geo), Place.department(h.departmentCode(), geo), h.modes(), h.remote(),
                h.domains(), h.appellations(), h.formats(), h.languages(),
                new Label(h.labelNumber(), h.labelState(), h.expiresOn()),
                h.matchedBy() == null ? null : h.matchedBy().name());
    }
}
