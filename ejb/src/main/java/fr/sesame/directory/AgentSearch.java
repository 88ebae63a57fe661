package fr.sesame.directory;

import fr.sesame.school.Uai;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the staff's agent look-up asks the directory: every word must be found in the identifiant, a
 * name or an address of the entry, and the entry must belong to {@code school} when one is given (a
 * référent sees their own school only).
 *
 * @param words as typed, one to a few; a whole address ({@link #isAddress}) is compared whole, any other
 *              word may be part of a value
 */
public record AgentSearch(List<String> words, Optional<Uai> school) {

    public AgentSearch {
        words = List.copyOf(words);
        if (words.isEmpty() || words.stream().anyMatch(word -> word == null || word.isBlank())) {
            throw new IllegalArgumentException("A search needs words");
        }
        school = Objects.requireNonNullElse(school, Optional.empty());
    }

    /**
     * Whether the word is a whole address ({@code claire.martin@example.org}): something before and after
     * a single {@code @}. Half an address ({@code @example.org}) is a part of one.
     */
    public static boolean isAddress(String word) {
        int at = word == null ? -1 : word.indexOf('@');
        return at > 0 && at == word.lastIndexOf('@') && at < word.length() - 1;
    }
}
