package fr.sesame.mail;

/**
 * An e-mail ready to queue: which one it is (its template: "code", "password-reset"…), its subject, its
 * plain-text body (complete on its own) and the same body in the HTML layout.
 *
 * @param html the HTML alternative, or null for a message that leaves as plain text only
 */
public record MailText(String kind, String subject, String body, String html) {
}
