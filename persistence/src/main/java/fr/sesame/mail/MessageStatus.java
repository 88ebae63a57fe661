package fr.sesame.mail;

/** Where a message of the outbox stands. Stored by name. */
public enum MessageStatus {
    /** Waiting for its (next) delivery attempt. */
    QUEUED,
    /** Taken by a courier that is delivering it now. */
    SENDING,
    /** Accepted by the mail server or the SMS gateway. */
    SENT,
    /** Given up after the last attempt; the reason is kept. */
    FAILED
}
