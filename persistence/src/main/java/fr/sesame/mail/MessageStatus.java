package fr.sesame.mail;

/** Where a message of the outbox stands. Stored by name. */
public enum MessageStatus {
    /** Waiting for its (next) delivery attempt. */
    QUEUED,
    /** Taken by a courier that is delivering it now. */
    SENDING,
    /** Accepted by the mail server or the SMS gateway. */
    SENT,
    /** Refused for good by the server (no such recipient); the reason is kept. */
    FAILED,
    /** Not delivered while its content was of use (a code past its validity): dropped. */
    EXPIRED
}
