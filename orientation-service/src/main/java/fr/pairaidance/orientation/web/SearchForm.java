package fr.pairaidance.orientation.web;

import io.quarkus.qute.TemplateData;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The search as a person set it on the page, and as it stands in the results page's address: the place
 * typed ({@code q}) or chosen ({@code area}), the filters, the page from 1.
 */
@TemplateData
public record SearchForm(String q, String area, String areaLabel, List<String> domains, String mode, String format,
        String language, String remote, int page) {

    public SearchForm {
        domains = domains == null ? List.of() : domains.stream().filter(d -> d != null && !d.isBlank()).toList();
    }

    public boolean hasDomain(String code) {
        return domains.contains(code);
    }

    /** The text of the place box: what was typed, else the name of the area searched. */
    public String placeText() {
        return q != null && !q.isBlank() ? q : areaLabel == null ? "" : areaLabel;
    }

    public boolean hasFilters() {
        return !domains.isEmpty() || notBlank(mode) || notBlank(format) || notBlank(language) || notBlank(remote);
    }

    /** The address of this search at another page of results. */
    public String url(int toPage) {
        List<String> params = new ArrayList<>();
        add(params, "area", area);
        domains.forEach(d -> add(params, "domain", d));
        add(params, "mode", mode);
        add(params, "format", format);
        add(params, "language", language);
        add(params, "remote", remote);
        if (toPage > 1) {
            params.add("page=" + toPage);
        }
        return "/search" + (params.isEmpty() ? "" : "?" + String.join("&", params));
    }

    /** The same place without any filter. */
    public String clearedUrl() {
        return new SearchForm(null, area, areaLabel, List.of(), null, null, null, null, 1).url(1);
    }

    public SearchForm withArea(String typedArea, String label) {
        return new SearchForm(null, typedArea, label, domains, mode, format, language, remote, 1);
    }

    private static void add(List<String> params, String name, String value) {
        if (notBlank(value)) {
            params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
