package fr.sesame.password;

/** What a forgotten-password link is worth when it is opened. */
public enum ResetLinkStatus {
    VALID,
    EXPIRED,
    USED,
    /** A newer link, or a password change, replaced it. */
    REPLACED,
    /** The account is locked (by the RSSI or the hotline): no link opens it. */
    ACCOUNT_LOCKED,
    UNKNOWN
}
