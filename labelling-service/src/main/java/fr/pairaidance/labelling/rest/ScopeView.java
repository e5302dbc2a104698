package fr.pairaidance.labelling.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Lived-experience domains and appellations. */
public record ScopeView(
        @Schema(example = "[\"MENTAL_HEALTH\"]") List<String> domains,
        @Schema(example = "[\"PAIR_AIDANT\"]") List<String> appellations) {
}
