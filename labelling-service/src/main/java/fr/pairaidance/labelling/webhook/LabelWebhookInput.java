package fr.pairaidance.labelling.webhook;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription to the state changes of label numbers. */
@Schema(name = "LabelWebhookInput", description = "A webhook subscription to the state changes of label numbers")
public record LabelWebhookInput(
        @Schema(description = "The endpoint: https, on a public address", required = true,
                example = "https://jobs.example.org/hooks/pairaidance") String url,
        @Schema(description = "Event types to receive", required = true,
                example = "[\"fr.pairaidance.labelling.label.suspended.v1\", \"fr.pairaidance.labelling.label.revoked.v1\"]")
        List<String> eventTypes,
        @Schema(required = true) Filter filter,
        @Schema(description = "Told when the endpoint is disabled", example = "integrations@jobs.example.org")
        String contactEmail) {

    /** Which labels: their public numbers. */
    @Schema(name = "LabelWebhookFilter")
    public record Filter(
            @Schema(description = "1 to 1000 label numbers", example = "[\"LBL-2026-000731\"]") List<String> labelNumbers) {
    }
}
