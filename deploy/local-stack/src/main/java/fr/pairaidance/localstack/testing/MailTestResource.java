package fr.pairaidance.localstack.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server (GreenMail, in process) for integration tests: the service's mailer points at it
 * and tests read what was delivered. One per test JVM; it can be stopped and started again to play an
 * outage of the mail relay.
 */
public class MailTestResource implements QuarkusTestResourceLifecycleManager {

    private static GreenMail server;
    private static int port;

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            port = freePort();
            startServer();
        }
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(port));
    }

    @Override
    public void stop() {
        // The server lives as long as the test JVM.
    }

    /** Stops the SMTP server: the service's mails wait in its queue. */
    public static synchronized void outage() {
        server.stop();
    }

    /** Starts the SMTP server again on the same port, with an empty mailbox. */
    public static synchronized void recover() {
        startServer();
    }

    /** Every mail delivered to this address since the server started. */
    public static synchronized List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(server.getReceivedMessages())
                .filter(message -> isTo(message, address))
                .toList();
    }

    /** The plain-text part of a mail (the services send plain text and HTML). */
    public static String text(MimeMessage message) {
        try {
            return PartText.of(message, "text/plain");
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The HTML part of a mail. */
    public static String html(MimeMessage message) {
        try {
            return PartText.of(message, "text/html");
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(to -> to.toString().contains(address));
        } catch (MessagingException e) {
            return false;
        }
    }

    private static void startServer() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Finds a part of a given type in a (possibly multipart) message. */
    private static final class PartText {
        static String of(jakarta.mail.Part part, String type) throws MessagingException, IOException {
            if (part.isMimeType(type)) {
                return part.getContent().toString();
            }
            if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    String found = of(multipart.getBodyPart(i), type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }
    }
}
