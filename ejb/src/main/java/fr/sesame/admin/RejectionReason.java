package fr.sesame.admin;

/**
 * Why a line of the HR assignments file was not imported. Each reason has a text, for the HR
 * officer who fixes the file, under {@link #bundleKey()}. A line gets the first reason found, in the
 * order below: the file reader finds all of them but the last, which the import finds in the database.
 */
public enum RejectionReason {
    /**
     * The file is not UTF-8 (often a spreadsheet saved as "CSV" in the Windows encoding). Reported once,
     * at the first line that cannot be read, and nothing after it is read.
     */
    FILE_NOT_UTF8,
    /** More than {@value AssignmentFileReader#MAX_LINE_LENGTH} characters: not a line of this file. */
    LINE_TOO_LONG,
    /** A double quote opens a cell and is never closed on that line. */
    UNCLOSED_QUOTE,
    /**
     * Not the seven columns NUMEN, nom, prénom, UAI, adresse de secours, mobile, date de début, with or
     * without the eighth, date de fin.
     */
    WRONG_COLUMN_COUNT,
    /** Missing or not of the NUMEN's shape. */
    NUMEN_INVALID,
    SURNAME_MISSING,
    GIVEN_NAME_MISSING,
    /** A surname or given name longer than {@value AssignmentFileReader#MAX_NAME_LENGTH} characters. */
    NAME_TOO_LONG,
    /**
     * A name with something else than Latin letters, spaces, hyphens and apostrophes (a digit, an
     * LDAP filter character…), or from which no identifiant can be made.
     */
    NAME_INVALID,
    /** Missing or not of the UAI's shape. */
    UAI_INVALID,
    /** No recovery address: the invitation could not be sent. */
    RECOVERY_ADDRESS_MISSING,
    /** Not a single plain address with a domain name, or longer than 254 characters. */
    RECOVERY_ADDRESS_INVALID,
    /** An address in the académie's own domain: it cannot help recover the account it belongs to. */
    RECOVERY_ADDRESS_ACADEMIC,
    /** Something that is not a French mobile number; an empty cell is fine. */
    MOBILE_INVALID,
    /** Missing, or neither {@code yyyy-MM-dd} nor {@code dd/MM/yyyy}, or not a day of the calendar. */
    START_DATE_INVALID,
    /** An end date given, but in neither format, or not a day of the calendar. */
    END_DATE_INVALID,
    /** An end date before the start date. */
    END_BEFORE_START,
    /** A NUMEN already imported from an earlier line of the same file. */
    DUPLICATE_NUMEN_IN_FILE,
    /**
     * A UAI of the right shape that is no établissement Sésame knows (imported from the national
     * directory of schools): the agent could reach no référent and the school would show as a bare code.
     */
    UNKNOWN_SCHOOL;

    private static final String BUNDLE_PREFIX = "import.reject.";

    /** The key of the reason's text in the resource bundles, {@code import.reject.NUMEN_INVALID}. */
    public String bundleKey() {
        return BUNDLE_PREFIX + name();
    }
}
