package fr.sesame.support;

/** What a security report is about. Stored by name. */
public enum SecurityReportKind {
    /** A lost or stolen phone, tablet or computer with the mailbox on it. */
    LOST_DEVICE,
    /** Someone else used, or may use, the account. */
    IDENTITY_THEFT,
    /** A suspicious message asking for a password, a code or a payment. */
    PHISHING
}
