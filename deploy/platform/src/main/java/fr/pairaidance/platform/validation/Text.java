package fr.pairaidance.platform.validation;

/**
 * What text input may hold. A C0 control character is never valid input: PostgreSQL refuses NUL, and the
 * others (bell, escape sequences) only corrupt what is shown to other people. Multi-line text (reasons,
 * messages) keeps its tabs and line breaks; one-line values (names, codes, parameters) keep tabs only.
 */
public final class Text {

    private Text() {
    }

    /** True when the text holds a control character other than tab, line feed and carriage return. */
    public static boolean hasControlCharacters(String value) {
        return value != null && value.chars().anyMatch(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f);
    }

    /** True when the text holds a line break or a control character other than tab. */
    public static boolean hasLineBreaksOrControlCharacters(String value) {
        return value != null && value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f);
    }
}
