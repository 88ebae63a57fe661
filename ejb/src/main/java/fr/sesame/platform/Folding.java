package fr.sesame.platform;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text as people compare it: lower case, without accents, ligatures spelled out. "Émilie" and
 * "emilie" are the same guess for the password rules, "cœur" and "coeur" the same word for a search.
 */
public final class Folding {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private Folding() {
    }

    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        // Ligatures do not decompose: spell them out as people type them without the ligature.
        return COMBINING_MARKS.matcher(decomposed).replaceAll("")
                .replace("œ", "oe").replace("Œ", "OE")
                .replace("æ", "ae").replace("Æ", "AE")
                .replace("ß", "ss")
                .toLowerCase(Locale.ROOT);
    }
}
