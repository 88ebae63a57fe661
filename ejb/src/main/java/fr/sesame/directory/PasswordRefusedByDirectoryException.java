package fr.sesame.directory;

/**
 * The directory itself refused a new password (OpenLDAP's ppolicy: one of the last passwords, too
 * weak for its quality check, changed too recently). Nothing was written.
 */
public class PasswordRefusedByDirectoryException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why, as far as the directory tells it (its password policy response control). */
    public enum Refusal {
        /** One of the passwords the directory remembers (pwdInHistory). */
        IN_HISTORY,
        /** Too short or too weak for the directory's own check (pwdMinLength, pwdCheckQuality). */
        QUALITY,
        /** Changed too recently to change again (pwdMinAge). */
        TOO_YOUNG,
        /** Refused without a reason Sésame can tell the agent. */
        OTHER
    }

    private final Refusal refusal;

    public PasswordRefusedByDirectoryException(Refusal refusal, String directoryMessage) {
        super("The directory refused the password (" + refusal + "): " + directoryMessage);
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
