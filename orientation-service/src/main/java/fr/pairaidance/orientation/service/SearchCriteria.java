package fr.pairaidance.orientation.service;

import java.util.List;

/**
 * Filters of the orientation search; null or empty means "any". {@code domains} match when the
 * practitioner published at least one of them. Pages start at 0.
 */
public record SearchCriteria(AreaScope scope, List<String> domains, String appellation, String mode, String format,
        String language, Boolean remote, int page, int size) {
}
