package fr.pairaidance.orientation.webhook;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription to the listing changes of an area. */
@Schema(name = "ListingWebhookInput", description = "A webhook subscription to the listing changes of an area")
public record ListingWebhookInput(
        @Schema(description = "The endpoint: https, on a public address", required = true,
                example = "https://jobs.example.org/hooks/pairaidance") String url,
        @Schema(description = "Event types to receive", required = true,
                example = "[\"fr.pairaidance.orientation.listing.appeared.v1\", \"fr.pairaidance.orientation.listing.left.v1\"]")
        List<String> eventTypes,
        @Schema(required = true) Filter filter,
        @Schema(description = "Told when the endpoint is disabled", example = "integrations@jobs.example.org")
        String contactEmail) {

    /** Which area: a typed code, as search takes it. */
    @Schema(name = "ListingWebhookFilter")
    public record Filter(
            @Schema(description = "ze:<employment zone>, dep:<department>, reg:<region> or com:<commune>",
                    example = "ze:8421") String area) {
    }
}
