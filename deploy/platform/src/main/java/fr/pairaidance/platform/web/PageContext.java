package fr.pairaidance.platform.web;

import fr.pairaidance.platform.reference.Vocabularies;
import fr.pairaidance.platform.security.Caller;
import io.quarkus.qute.TemplateData;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every page's layout needs: the person's language and the other one offered, who is signed in,
 * this site and its sisters, the page's own address (to come back to after signing in or switching
 * language), and the vocabularies' labels in that language.
 */
@TemplateData
public record PageContext(Locale locale, String path, Caller caller, String site, Map<String, String> sites,
        String correlationId, String csrfField, String csrfToken, Vocabularies vocabularies) {

    public String lang() {
        return locale.getLanguage();
    }

    public String otherLang() {
        return "fr".equals(lang()) ? "en" : "fr";
    }

    /** The other language's name in that language (what a person who reads it looks for). */
    public String otherLangName() {
        return "fr".equals(lang()) ? "English" : "Français";
    }

    public String pathEncoded() {
        return URLEncoder.encode(path, StandardCharsets.UTF_8);
    }

    public boolean signedIn() {
        return !caller.isAnonymous();
    }

    public String userName() {
        return caller.displayName();
    }

    public boolean has(String role) {
        return caller.has(role);
    }

    public String siteUrl(String name) {
        return sites.getOrDefault(name, "");
    }

    /** The label of a vocabulary code in the page's language (the code itself if unknown). */
    public String term(String vocabulary, String code) {
        return vocabularies.terms(vocabulary).stream().filter(t -> t.code().equals(code)).findFirst()
                .map(t -> "en".equals(lang()) ? t.en() : t.fr()).orElse(code);
    }

    /** Every term of a vocabulary, labelled in the page's language, in the vocabulary's order. */
    public List<Term> terms(String vocabulary) {
        return vocabularies.terms(vocabulary).stream()
                .map(t -> new Term(t.code(), "en".equals(lang()) ? t.en() : t.fr())).toList();
    }

    /** A code and its label in the page's language. */
    @TemplateData
    public record Term(String code, String label) {
    }
}
