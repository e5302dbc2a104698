package fr.pairaidance.platform.web;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates and numbers as the reader writes them: {@code {label.expiresOn.shown(page.locale)}}. */
@TemplateExtension
public final class Formats {

    /** The time zone of the dates and times people read (metropolitan France). */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private Formats() {
    }

    static String shown(LocalDate date, Locale locale) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
    }

    static String shown(Instant instant, Locale locale) {
        return instant == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(locale).withZone(ZONE).format(instant);
    }

    static String shown(Long number, Locale locale) {
        return number == null ? "" : NumberFormat.getIntegerInstance(locale).format(number);
    }

    static String shown(Integer number, Locale locale) {
        return number == null ? "" : NumberFormat.getIntegerInstance(locale).format(number);
    }

    static String shown(BigDecimal number, Locale locale) {
        if (number == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(2);
        return format.format(number);
    }
}
