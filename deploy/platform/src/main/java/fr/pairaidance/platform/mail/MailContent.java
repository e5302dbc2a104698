package fr.pairaidance.platform.mail;

import java.util.List;

/**
 * What a mail says, already in the person's language: its subject, its paragraphs, the page where the
 * person acts (a link, never the data itself), and where they choose which mails they receive.
 */
public record MailContent(String subject, List<String> paragraphs, String actionText, String actionUrl,
        String settingsUrl) {
}
