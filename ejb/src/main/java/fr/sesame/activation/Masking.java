package fr.sesame.activation;

/**
 * What Sésame may show of a personal value to someone who has not proved they own it, for example
 * "the code was sent to c***@laposte.net": enough for the owner to recognise, not enough to learn.
 */
public final class Masking {

    private static final String NOTHING_SHOWN = "***";

    /** Longer than any address a mail server accepts (RFC 5321); such a value is not shown at all. */
    private static final int LONGEST_ADDRESS = 254;

    private Masking() {
    }

    /**
     * The first character of the local part and the whole domain: {@code c***@laposte.net}; a
     * one-character local part is hidden entirely ({@code *@laposte.net}).
     *
     * @return {@code ***} when the value is not an address (null, no {@code @}, empty part, blanks)
     */
    public static String email(String address) {
        if (address == null || address.length() > LONGEST_ADDRESS) {
            return NOTHING_SHOWN;
        }
        String trimmed = address.strip();
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1 || trimmed.indexOf('@') != at || containsBlank(trimmed)) {
            return NOTHING_SHOWN;
        }
        String local = trimmed.substring(0, at);
        String domain = trimmed.substring(at + 1);
        int firstLength = Character.charCount(local.codePointAt(0));
        if (local.length() == firstLength) {
            return "*@" + domain;
        }
        return local.substring(0, firstLength) + "***@" + domain;
    }

    private static boolean containsBlank(String text) {
        return text.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.isISOControl(c));
    }
}
