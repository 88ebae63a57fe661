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
    RECENTLY_USED;

    /**
     * The rules listed beside the field while the password is typed: not the maximum length (the field
     * stops there) nor the history (checked on submission).
     */
    public static java.util.List<PasswordRule> checklist() {
        return java.util.Arrays.stream(values()).filter(rule -> rule != TOO_LONG && rule != RECENTLY_USED).toList();
    }

    /** The key of the rule's text in the web bundles. */
    public String bundleKey() {
        return "password.rule." + name();
    }
}
