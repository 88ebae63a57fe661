package fr.sesame.password;

import org.passay.DictionaryRule;
import org.passay.PasswordData;
import org.passay.dictionary.WordListDictionary;
import org.passay.dictionary.WordLists;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * The passwords attackers try first, from the list shipped with Sésame (its origin is told in
 * {@code package-info.java}), read once per application.
 *
 * <p>With a minimum of ten characters or more, few passwords are a listed word exactly: people meet
 * the rules by decorating one, as in "Azerty123!" or "!Soleil2026". So a candidate is also looked up
 * without the digits and symbols at its ends. Passay's {@code DictionarySubstringRule} would catch
 * these too, but it refuses any password in which a listed word appears, so a long passphrase that
 * happens to contain "maison" or "soleil" would be refused; it also looks up every substring, which
 * grows with the square of the length.
 */
final class CommonPasswords {

    private static final String WORD_LIST = "common-passwords.txt";

    private final DictionaryRule listed;

    private CommonPasswords(DictionaryRule listed) {
        this.listed = listed;
    }

    /** The shipped list, loaded on first use. */
    static CommonPasswords shipped() {
        return Shipped.LIST;
    }

    /** Whether the folded candidate, as typed or without its decoration, is a listed password. */
    boolean includes(String foldedCandidate) {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(foldedCandidate);
        forms.add(trimEnds(foldedCandidate, Character::isLetterOrDigit));
        forms.add(trimEnds(foldedCandidate, Character::isLetter));
        return forms.stream()
                .filter(form -> !form.isEmpty())
                .anyMatch(form -> !listed.validate(new PasswordData(form)).isValid());
    }

    /** Cuts what is not {@code kept} at both ends; in one pass, because a candidate may be very long. */
    private static String trimEnds(String text, IntPredicate kept) {
        int start = 0;
        int end = text.length();
        while (start < end && !kept.test(text.charAt(start))) {
            start++;
        }
        while (end > start && !kept.test(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static final class Shipped {
        static final CommonPasswords LIST = load();

        private static CommonPasswords load() {
            InputStream words = CommonPasswords.class.getResourceAsStream(WORD_LIST);
            if (words == null) {
                throw new IllegalStateException(WORD_LIST + " is missing from the application");
            }
            try (Reader reader = new InputStreamReader(words, StandardCharsets.UTF_8)) {
                // Not case-sensitive, and no sorter: the file is sorted already, in the order
                // Passay's case-insensitive binary search expects.
                var list = WordLists.createFromReader(new Reader[] {reader}, false, null);
                return new CommonPasswords(new DictionaryRule(new WordListDictionary(list)));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + WORD_LIST, e);
            }
        }
    }
}
