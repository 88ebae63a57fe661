package fr.sesame.school;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The 8-character code of an établissement (Unité Administrative Immatriculée): seven digits,
 * the first three being the département, then a letter, as in {@code 0801234A}.
 * Only the shape is checked; the directory of the académie is the authority on which codes exist.
 */
public record Uai(String value) {

    private static final Pattern SHAPE = Pattern.compile("\\d{7}[A-Z]");

    public Uai {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a UAI: expected seven digits and a letter");
        }
    }

    /** Reads what a person typed: spaces dropped, letter upper-cased; empty when the shape is wrong. */
    public static Optional<Uai> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String normalised = typed.replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        return SHAPE.matcher(normalised).matches() ? Optional.of(new Uai(normalised)) : Optional.empty();
    }

    /** The département number, for example {@code 080} for the Somme. */
    public String departement() {
        return value.substring(0, 3);
    }

    @Override
    public String toString() {
        return value;
    }
}
