package fr.sesame.directory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The NUMEN, the national staff number an agent proves who they are with: 13 characters, two digits
 * of académie, a category letter, two digits of year of entry, five digits and three letters, as in
 * {@code 20E1501234CMA}. The académie part is not checked: agents move between académies and keep
 * their NUMEN.
 *
 * <p>It is confidential: {@link #toString()} gives the masked form, so that a NUMEN reaching a log or
 * a message by accident shows no more than a support agent may see.
 */
public record Numen(String value) {

    /** The example shown to people who type a NUMEN of the wrong shape (bundle key {@code numen.format}). */
    public static final String EXAMPLE = "20E1501234ABC";

    public static final int LENGTH = 13;

    private static final Pattern SHAPE = Pattern.compile("\\d{2}[A-Z]\\d{7}[A-Z]{3}");

    /** Spaces (breaking or not), dots and dashes: what people put between groups when they copy a NUMEN. */
    private static final Pattern SEPARATORS =
            Pattern.compile("[\\s\\u00A0\\u2007\\u202F.\\-\\u2010-\\u2015\\u2212]");

    /**
     * Far more than a NUMEN with a separator between every character; anything longer is refused
     * before any work is done on it.
     */
    private static final int LONGEST_TYPED = 64;

    private static final int SHOWN_AT_START = 3;
    private static final int SHOWN_AT_END = 2;

    public Numen {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a NUMEN in its normalised form");
        }
    }

    /**
     * Reads what a person typed: separators dropped, letters upper-cased.
     *
     * @return empty when the shape is not that of a NUMEN (including null and very long input)
     */
    public static Optional<Numen> parse(String typed) {
        String normalised = normalise(typed);
        return normalised != null && SHAPE.matcher(normalised).matches()
                ? Optional.of(new Numen(normalised))
                : Optional.empty();
    }

    /**
     * Whether the value the directory holds is this NUMEN. The directory value is normalised like typed
     * input (it may have been keyed in with spaces); the comparison takes the same time whichever
     * character differs, so the answer time says nothing about how close a guess was.
     */
    public boolean matches(String stored) {
        String normalised = normalise(stored);
        if (normalised == null) {
            return false;
        }
        return MessageDigest.isEqual(
                value.getBytes(StandardCharsets.UTF_8), normalised.getBytes(StandardCharsets.UTF_8));
    }

    /** The first three and last two characters, the rest hidden: {@code 20E********MA}. */
    public String masked() {
        return value.substring(0, SHOWN_AT_START)
                + "*".repeat(LENGTH - SHOWN_AT_START - SHOWN_AT_END)
                + value.substring(LENGTH - SHOWN_AT_END);
    }

    /** The masked form: a NUMEN never reaches a log in clear. Use {@link #value()} for directory queries only. */
    @Override
    public String toString() {
        return masked();
    }

    private static String normalise(String typed) {
        if (typed == null || typed.length() > LONGEST_TYPED) {
            return null;
        }
        String compact = SEPARATORS.matcher(typed).replaceAll("");
        // Upper-casing is done on ASCII only: some other letters upper-case to ASCII ones (ı → I).
        for (int i = 0; i < compact.length(); i++) {
            char c = compact.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z')) {
                return null;
            }
        }
        return compact.toUpperCase(Locale.ROOT);
    }
}
