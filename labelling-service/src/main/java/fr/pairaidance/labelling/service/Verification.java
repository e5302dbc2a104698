package fr.pairaidance.labelling.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The public answer about a label number, as of a day: everything anyone may know of it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"number", "asOf", "state", "valid", "grantedOn", "expiresOn", "suspendedUntil", "scope",
        "practitionerName"})
@Schema(description = "Public verification of a label")
public record Verification(
        @Schema(example = "LBL-2026-000731") String number,
        @Schema(description = "The day the answer is about", example = "2026-11-25") LocalDate asOf,
        @Schema(description = "ACTIVE, RENEWAL_DUE, SUSPENDED, REVOKED, EXPIRED, WITHDRAWN, or NOT_YET_GRANTED "
                + "for a day before the grant", example = "ACTIVE") String state,
        @Schema(description = "Whether the label was valid that day (ACTIVE or RENEWAL_DUE)") boolean valid,
        @Schema(example = "2026-04-02") LocalDate grantedOn,
        @Schema(description = "First day the label is no longer valid", example = "2029-04-02") LocalDate expiresOn,
        @Schema(description = "End of a suspension, when it has one") LocalDate suspendedUntil,
        Scope scope,
        @Schema(description = "Public name of the holder; absent once they left the register",
                example = "Camille D.") String practitionerName) {

    public static final String NOT_YET_GRANTED = "NOT_YET_GRANTED";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Scope(@Schema(description = "Lived-experience domains of the label: health data, shown only when "
            + "the holder consented to publish them", example = "[\"MENTAL_HEALTH\"]") List<String> domains,
            @Schema(example = "[\"PAIR_AIDANT\"]") List<String> appellations) {
    }
}
