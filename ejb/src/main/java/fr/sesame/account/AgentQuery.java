package fr.sesame.account;

import fr.sesame.directory.AgentSearch;
import fr.sesame.directory.Numen;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a staff member typed in the agent look-up, read once: an exact NUMEN (compared by the directory,
 * never shown back), a whole address, or words of a name, an identifiant or an address. Filter
 * characters are plain characters here; the directory escapes them.
 *
 * @param numen present for {@link Kind#NUMEN} only
 * @param words the words to look for, for {@link Kind#ADDRESS} and {@link Kind#WORDS}
 */
public record AgentQuery(Kind kind, Optional<Numen> numen, List<String> words) {

    /** Longer than any name or address typed in a search: anything longer is refused before any work. */
    public static final int LONGEST = 100;
    public static final int MOST_WORDS = 5;
    /** A word of one character would match half the directory. */
    public static final int SHORTEST_WORD = 2;

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
    private static final Pattern CONTROLS = Pattern.compile("\\p{Cntrl}");

    public enum Kind {
        /** Nothing typed: nothing searched. */
        EMPTY,
        /** Longer than {@link #LONGEST} or more than {@link #MOST_WORDS} words. */
        TOO_LONG,
        /** Only words shorter than {@link #SHORTEST_WORD}. */
        TOO_SHORT,
        NUMEN,
        ADDRESS,
        WORDS;

        public boolean isSearch() {
            return this == NUMEN || this == ADDRESS || this == WORDS;
        }
    }

    public AgentQuery {
        numen = numen == null ? Optional.empty() : numen;
        words = List.copyOf(words);
    }

    public static AgentQuery parse(String typed) {
        if (typed != null && typed.length() > LONGEST) {
            return new AgentQuery(Kind.TOO_LONG, Optional.empty(), List.of());
        }
        String text = typed == null ? "" : CONTROLS.matcher(typed).replaceAll(" ").strip();
        if (text.isEmpty()) {
            return new AgentQuery(Kind.EMPTY, Optional.empty(), List.of());
        }
        Optional<Numen> numen = Numen.parse(text);
        if (numen.isPresent()) {
            return new AgentQuery(Kind.NUMEN, numen, List.of());
        }
        List<String> words = new ArrayList<>(new LinkedHashSet<>(List.of(SPACES.split(text))));
        if (words.size() > MOST_WORDS) {
            return new AgentQuery(Kind.TOO_LONG, Optional.empty(), List.of());
        }
        words.removeIf(word -> word.codePointCount(0, word.length()) < SHORTEST_WORD);
        if (words.isEmpty()) {
            return new AgentQuery(Kind.TOO_SHORT, Optional.empty(), List.of());
        }
        return new AgentQuery(words.size() == 1 && AgentSearch.isAddress(words.get(0)) ? Kind.ADDRESS : Kind.WORDS,
                Optional.empty(), words);
    }

    /** The NUMEN never in clear, even in a log line. */
    @Override
    public String toString() {
        return "AgentQuery[" + kind + (kind == Kind.NUMEN ? ", " + numen.get().masked() : ", " + words) + "]";
    }
}
