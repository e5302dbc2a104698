package fr.pairaidance.platform.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Locale;

/**
 * The language of a page: the one the person chose (a cookie shared by the sites of one host), else the
 * best of their browser's {@code Accept-Language}, else French.
 */
public final class WebLocale {

    public static final String COOKIE = "pairaidance_lang";
    public static final Locale DEFAULT = Locale.FRENCH;
    public static final List<Locale> SUPPORTED = List.of(Locale.FRENCH, Locale.ENGLISH);

    private WebLocale() {
    }

    public static Locale of(HttpServerRequest request) {
        Cookie chosen = request.getCookie(COOKIE);
        if (chosen != null) {
            Locale locale = supported(chosen.getValue());
            if (locale != null) {
                return locale;
            }
        }
        return fromAcceptLanguage(request.getHeader("Accept-Language"));
    }

    /** The supported language the header prefers most (its q-values), else French. */
    static Locale fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return DEFAULT;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
            return best == null ? DEFAULT : best;
        } catch (IllegalArgumentException e) {
            return DEFAULT;
        }
    }

    /** The supported locale of a language tag ({@code fr}, {@code en}), or null. */
    public static Locale supported(String tag) {
        if (tag == null) {
            return null;
        }
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(tag.strip())).findFirst().orElse(null);
    }
}
