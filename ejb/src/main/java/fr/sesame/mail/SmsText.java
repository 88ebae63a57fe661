package fr.sesame.mail;

/** A SMS ready to queue: which one it is (its template) and its text. */
public record SmsText(String kind, String text) {
}
