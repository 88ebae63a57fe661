package fr.sesame.password;

/** What the forgotten-password page may say after a request. */
public enum ResetRequestOutcome {
    /**
     * The same answer whether or not the account exists: "if these details match an account, a link
     * was sent".
     */
    SENT_IF_MATCHING,
    /**
     * Identifiant and NUMEN matched an account that has no recovery address: only someone who knows the
     * NUMEN learns it, and they are told to ask their référent or the hotline.
     */
    NO_RECOVERY_ADDRESS
}
