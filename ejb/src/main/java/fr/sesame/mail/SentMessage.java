package fr.sesame.mail;

import java.time.Instant;

/**
 * A message sent to an agent as the support sees it: its kind and what became of it, never its
 * recipient, body or code.
 *
 * @param kind the template's name ({@code invitation}, {@code password-reset}…), or null
 * @param sentAt when the mail server took it, or null
 */
public record SentMessage(String kind, MessageChannel channel, MessageStatus status, Instant createdAt, Instant sentAt) {
}
