package fr.sesame.mail;

/** A message was queued: once its transaction commits, the courier delivers without waiting for its timer. */
public record MessageQueued() {
}
