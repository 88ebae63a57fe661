package fr.sesame.mail;

/** The subject and plain-text body of an e-mail, ready to queue. */
public record MailText(String subject, String body) {
}
