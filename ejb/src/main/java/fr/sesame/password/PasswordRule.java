package fr.sesame.password;

/**
 * One rule a candidate password breaks. The order is the order in which the page lists them: first
 * what the agent can fix by typing more, then what the password must not be.
 */
public enum PasswordRule {
    TOO_SHORT,
    TOO_LONG,
    NO_LOWERCASE,
    NO_UPPERCASE,
    NO_DIGIT,
    NO_SPECIAL,
    CONTAINS_IDENTIFIANT,
    CONTAINS_NAME,
    COMMON_PASSWORD,
    /** One of the agent's last passwords: checked on submission only (it costs a hash per former password). */
    RECENTLY_USED,
    /** The directory's own refusals, known only once it is asked to store the password. */
    DIRECTORY_HISTORY,
    DIRECTORY_QUALITY,
    DIRECTORY_TOO_YOUNG,
    DIRECTORY_REFUSED;

    /**
     * The rules listed beside the field while the password is typed: not the maximum length (the field
     * stops there), the history (checked on submission) nor the directory's refusals.
     */
    public static java.util.List<PasswordRule> checklist() {
        return java.util.Arrays.stream(values()).filter(rule -> rule != TOO_LONG && rule.compareTo(COMMON_PASSWORD) <= 0).toList();
    }

    /** The rule the directory's refusal stands for. */
    public static PasswordRule of(fr.sesame.directory.PasswordRefusedByDirectoryException.Refusal refusal) {
        return switch (refusal) {
            case IN_HISTORY -> DIRECTORY_HISTORY;
            case QUALITY -> DIRECTORY_QUALITY;
            case TOO_YOUNG -> DIRECTORY_TOO_YOUNG;
            case OTHER -> DIRECTORY_REFUSED;
        };
    }

    /** The key of the rule's text in the web bundles. */
    public String bundleKey() {
        return "password.rule." + name();
    }
}
