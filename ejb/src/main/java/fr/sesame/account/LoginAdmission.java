package fr.sesame.account;

/** What happens to someone whose password the directory has just accepted. */
public enum LoginAdmission {
    /** The account is active: come in. */
    ADMITTED,
    /** The account is active but the password has expired: come in, to the change page only. */
    PASSWORD_EXPIRED,
    /** The account is locked by the hotline or the security officer. */
    REFUSED_LOCKED,
    /** The account was closed after the agent's last day of service. */
    REFUSED_DEPARTED,
    /** The account has not been activated yet. */
    REFUSED_PENDING,
    /** The directory cannot be reached to check the account. */
    DIRECTORY_UNAVAILABLE
}
