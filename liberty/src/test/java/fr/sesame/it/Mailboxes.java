package fr.sesame.it;

import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the embedded mail server over IMAP, as the agent's mail client would (any password opens a mailbox). */
public final class Mailboxes {

    /**
     * A message as read: subject and plain text (of a {@code multipart/alternative}, its text part).
     *
     * @param messageId the Message-ID header, the same for two copies of one outbox message
     */
    public record Mail(String subject, String text, String messageId) {

        /** The first match of {@code regex}'s first group (or the whole match) in the text. */
        public String find(String regex) {
            Matcher matcher = Pattern.compile(regex).matcher(text);
            if (!matcher.find()) {
                throw new AssertionError("No " + regex + " in: " + text);
            }
            return matcher.groupCount() > 0 ? matcher.group(1) : matcher.group();
        }
    }

    private Mailboxes() {
    }

    /** Every message in the address's inbox, oldest first. */
    public static List<Mail> read(String address) {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : messages(address)) {
            try {
                String[] ids = message.getHeader("Message-ID");
                mails.add(new Mail(message.getSubject(), text(message), ids == null ? null : ids[0]));
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException("Cannot read a message of " + address, e);
            }
        }
        return mails;
    }

    /**
     * Every message in the address's inbox, oldest first, whole (headers as they arrived, every part) and
     * readable once the mailbox is closed.
     */
    public static List<MimeMessage> messages(String address) {
        Session session = Session.getInstance(new Properties());
        try (Store store = session.getStore("imap")) {
            store.connect(ItSettings.HOST, ItSettings.imapPort(), address, "any-password");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<MimeMessage> messages = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    messages.add(new MimeMessage((MimeMessage) message));
                }
                return messages;
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException e) {
            throw new IllegalStateException("Cannot read the mailbox of " + address, e);
        }
    }

    /** Waits for a message whose subject matches, and returns the newest such message. */
    public static Mail await(String address, Predicate<String> subject, Duration limit) {
        Instant end = Instant.now().plus(limit);
        while (true) {
            Optional<Mail> found = read(address).stream().filter(mail -> subject.test(mail.subject()))
                    .reduce((first, second) -> second);
            if (found.isPresent()) {
                return found.get();
            }
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("No message for " + address + " within " + limit + "; inbox: "
                        + read(address).stream().map(Mail::subject).toList());
            }
            sleep(300);
        }
    }

    /** How many messages whose subject matches are in the inbox now. */
    public static long count(String address, Predicate<String> subject) {
        return read(address).stream().filter(mail -> subject.test(mail.subject())).count();
    }

    /** The text a plain-text reader shows: of a message with an HTML alternative, the text part only. */
    private static String text(Part message) throws MessagingException, IOException {
        Object content = message.getContent();
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                if (part.isMimeType("text/html")) {
                    continue;
                }
                text.append(text(part));
            }
            return text.toString();
        }
        return String.valueOf(content);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
