package fr.pairaidance.systemtests;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the local SMTP server received for an address, read through its mailbox API and decoded (MIME). */
final class Mailbox {

    /** A received mail: its subject, the text of its parts and its Message-ID. */
    record Mail(String subject, String text, String messageId) {
    }

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"'<>]+");

    private Mailbox() {
    }

    static List<Mail> of(String address) {
        Response response = given().get(SystemUnderTest.get().mailUrl() + "/api/user/" + address + "/messages/INBOX");
        if (response.statusCode() != 200) {
            return List.of();
        }
        List<String> raw = response.jsonPath().getList("mimeMessage", String.class);
        List<Mail> mails = new ArrayList<>();
        for (String mime : raw) {
            try {
                MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                        new ByteArrayInputStream(mime.getBytes(StandardCharsets.UTF_8)));
                mails.add(new Mail(message.getSubject(), text(message), message.getMessageID()));
            } catch (MessagingException | IOException e) {
                throw new AssertionError("an unreadable mail for " + address, e);
            }
        }
        return mails;
    }

    /** The first link of the mails to the address that contains the fragment. */
    static Optional<String> link(String address, String fragment) {
        for (Mail mail : of(address)) {
            Matcher m = LINK.matcher(mail.text());
            while (m.find()) {
                String link = m.group().replace("&amp;", "&");
                if (link.contains(fragment)) {
                    return Optional.of(link);
                }
            }
        }
        return Optional.empty();
    }

    private static String text(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                text.append(text(child)).append('\n');
            }
            return text.toString();
        }
        return content instanceof String s ? s : "";
    }
}
