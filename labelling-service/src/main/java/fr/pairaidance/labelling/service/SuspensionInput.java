package fr.pairaidance.labelling.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A suspension: its reason and, optionally, the day it ends. */
public record SuspensionInput(
        @NotBlank @Size(max = 2000) @Schema(example = "Complaint under investigation") String reason,
        @Schema(description = "The day the label is back (after today); none for an open-ended suspension",
                example = "2026-09-01") LocalDate until) {
}
