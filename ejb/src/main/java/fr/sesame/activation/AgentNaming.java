package fr.sesame.activation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How an agent's names become an identifiant ({@code cmartin}) and the local part of an academic
 * address ({@code claire.martin}): lower case, plain ASCII letters, nothing a directory, a mail
 * server or a person reading it aloud could stumble on.
 */
public final class AgentNaming {

    /** The most agents sharing the same identifiant base; the importer refuses the next one. */
    public static final int MAX_HOMONYMS = 99;

    /** LDAP uids stay short: they are typed at every login and shown in mail clients. */
    public static final int IDENTIFIANT_MAX_LENGTH = 20;

    /** RFC 5321's limit for the local part of an address. */
    public static final int LOCAL_PART_MAX_LENGTH = 64;

    /**
     * Latin letters that Unicode decomposition leaves whole: ligatures and letters with a stroke.
     * Upper-case forms are not needed, folding lower-cases first.
     */
    private static final Map<Character, String> SPELLED_OUT = Map.ofEntries(
            Map.entry('œ', "oe"), Map.entry('æ', "ae"), Map.entry('ß', "ss"),
            Map.entry('ø', "o"), Map.entry('ł', "l"), Map.entry('đ', "d"), Map.entry('ð', "d"),
            Map.entry('þ', "th"), Map.entry('ı', "i"), Map.entry('ħ', "h"), Map.entry('ŧ', "t"));

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern APOSTROPHES = Pattern.compile("['’ʼ‘`]");
    private static final Pattern WORD_BREAKS = Pattern.compile("[\\s\\-‐‑‒–—]+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]");
    private static final Pattern NOT_ALPHANUMERIC_OR_HYPHEN = Pattern.compile("[^a-z0-9-]");
    private static final Pattern HYPHEN_RUNS = Pattern.compile("-{2,}");
    private static final Pattern NUMBERED = Pattern.compile(".*\\d");

    private AgentNaming() {
    }

    /**
     * The first letter of the given name followed by the surname: ("Jean-Pierre", "Le Goff") gives
     * {@code jlegoff}. At most {@value #IDENTIFIANT_MAX_LENGTH} characters, the surname being cut.
     *
     * @throws IllegalArgumentException when the given name has no letter or the surname gives nothing
     *         usable, so that the importer can refuse the line
     */
    public static String identifiant(String givenName, String surname) {
        char initial = initialOf(givenName);
        String family = NOT_ALPHANUMERIC.matcher(fold(surname)).replaceAll("");
        if (!containsLetter(family)) {
            throw new IllegalArgumentException("The surname gives no identifiant");
        }
        return initial + cut(family, IDENTIFIANT_MAX_LENGTH - 1);
    }

    /**
     * {@code prenom.nom}: ("Jean-Pierre", "Le Goff") gives {@code jean-pierre.le-goff}. Spaces inside a
     * name become hyphens, apostrophes disappear. At most {@value #LOCAL_PART_MAX_LENGTH} characters.
     *
     * @throws IllegalArgumentException when either name gives nothing usable
     */
    public static String addressLocalPart(String givenName, String surname) {
        String given = hyphenated(givenName);
        String family = hyphenated(surname);
        if (!containsLetter(given) || !containsLetter(family)) {
            throw new IllegalArgumentException("The names give no address");
        }
        int room = LOCAL_PART_MAX_LENGTH - 1;
        if (given.length() + family.length() > room) {
            // Both parts stay recognisable: the surname keeps at least half the room.
            int familyLength = Math.min(family.length(), Math.max(room - given.length(), room / 2));
            family = trimHyphens(cut(family, familyLength));
            given = trimHyphens(cut(given, room - family.length()));
        }
        return given + "." + family;
    }

    /**
     * The {@code n}th agent of the same base: the first keeps the base, the others get their number at
     * the end ({@code jdupont2}, {@code jean.dupont2}). The base is cut if needed so that the result
     * stays within the limit of its kind: {@value #LOCAL_PART_MAX_LENGTH} for an address local part
     * (it always holds a dot), {@value #IDENTIFIANT_MAX_LENGTH} for an identifiant.
     *
     * @throws IllegalArgumentException when {@code n} is not between 1 and {@value #MAX_HOMONYMS}, or
     *         the base is empty or already ends with a digit (its numbered forms would be ambiguous)
     */
    public static String numbered(String base, int n) {
        if (base == null || base.isEmpty()) {
            throw new IllegalArgumentException("No base to number");
        }
        if (n < 1 || n > MAX_HOMONYMS) {
            throw new IllegalArgumentException("Homonym number out of range: " + n);
        }
        if (n == 1) {
            return base;
        }
        if (NUMBERED.matcher(base).matches()) {
            throw new IllegalArgumentException("The base already ends with a digit");
        }
        String suffix = Integer.toString(n);
        int limit = base.indexOf('.') >= 0 ? LOCAL_PART_MAX_LENGTH : IDENTIFIANT_MAX_LENGTH;
        return trimHyphens(cut(base, limit - suffix.length())) + suffix;
    }

    private static char initialOf(String givenName) {
        String letters = NOT_ALPHANUMERIC.matcher(fold(givenName)).replaceAll("");
        for (int i = 0; i < letters.length(); i++) {
            char c = letters.charAt(i);
            if (c >= 'a' && c <= 'z') {
                return c;
            }
        }
        throw new IllegalArgumentException("The given name has no letter");
    }

    private static String hyphenated(String name) {
        String words = WORD_BREAKS.matcher(fold(name).strip()).replaceAll("-");
        String kept = NOT_ALPHANUMERIC_OR_HYPHEN.matcher(words).replaceAll("");
        return trimHyphens(HYPHEN_RUNS.matcher(kept).replaceAll("-"));
    }

    /**
     * Lower case, no accent, ligatures spelled out, apostrophes gone. NFKD rather than NFD so that
     * compatibility forms (full-width letters, the ligature ﬁ) fold to plain letters too.
     */
    private static String fold(String name) {
        if (name == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        String bare = APOSTROPHES.matcher(MARKS.matcher(decomposed).replaceAll("")).replaceAll("");
        StringBuilder folded = new StringBuilder(bare.length());
        for (int i = 0; i < bare.length(); i++) {
            char c = bare.charAt(i);
            String spelled = SPELLED_OUT.get(c);
            if (spelled != null) {
                folded.append(spelled);
            } else {
                folded.append(c);
            }
        }
        return folded.toString();
    }

    private static boolean containsLetter(String folded) {
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c >= 'a' && c <= 'z') {
                return true;
            }
        }
        return false;
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    private static String trimHyphens(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '-') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '-') {
            end--;
        }
        return text.substring(start, end);
    }
}
