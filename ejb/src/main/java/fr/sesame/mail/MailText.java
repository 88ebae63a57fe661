package fr.sesame.mail;

/**
 * An e-mail ready to queue: which one it is (its template: "code", "password-reset"…), its subject and
 * its plain-text body.
 */
public record MailText(String kind, String subject, String body) {
}
