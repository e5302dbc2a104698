package fr.pairaidance.orientation.rest;

import fr.pairaidance.orientation.service.DataInclusionExport;
import java.util.List;

/** A page of the data·inclusion export, shaped as data·inclusion's own API pages (page from 1). */
public record DataInclusionPageView<T>(List<T> items, long total, int page, int size, long pages) {

    static <T> DataInclusionPageView<T> of(DataInclusionExport.Page<T> page) {
        return new DataInclusionPageView<>(page.items(), page.total(), page.page(), page.size(), page.pages());
    }
}
