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
    COMMON_PASSWORD;

    /** The key of the rule's text in the web bundles. */
    public String bundleKey() {
        return "password.rule." + name();
    }
}
