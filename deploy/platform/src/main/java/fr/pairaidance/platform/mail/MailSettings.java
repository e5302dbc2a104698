package fr.pairaidance.platform.mail;

import java.util.Locale;
import java.util.Set;

/** A person's mail settings: the language of their mails and the optional kinds they turned off. */
public record MailSettings(String language, Set<String> mutedKinds) {

    public static final String DEFAULT_LANGUAGE = "fr";
    public static final Set<String> LANGUAGES = Set.of("fr", "en");

    public static MailSettings defaults() {
        return new MailSettings(DEFAULT_LANGUAGE, Set.of());
    }

    public Locale locale() {
        return Locale.forLanguageTag(language);
    }

    /** Whether a mail of this kind reaches the person: always for the kinds they cannot turn off. */
    public boolean receives(MailKind kind) {
        return !kind.optional() || !mutedKinds.contains(kind.name());
    }
}
