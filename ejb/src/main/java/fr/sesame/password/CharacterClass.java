package fr.sesame.password;

import org.passay.CharacterData;
import org.passay.EnglishCharacterData;

import java.util.stream.IntStream;

/**
 * The four kinds of character a password must mix, as Passay character data whose error codes are
 * the names of the {@link PasswordRule}s they enforce.
 *
 * <p>Passay's English classes know only a to z, so an accented letter would count for nothing: here
 * a letter of the Latin alphabets, accented or not (é, À, ç, Œ…), counts as a lower- or upper-case
 * letter, as any French speaker reads it, never as a special character. Special characters are
 * Passay's (ASCII punctuation, Latin-1 symbols, typographic quotes and dashes, currency signs such as
 * €) plus the space and the no-break spaces French typing puts before « ! ? : ; »: a passphrase of
 * words and a number is what we want agents to choose, and a phone keyboard turns ' into ’.
 */
enum CharacterClass implements CharacterData {
    LOWER_CASE(PasswordRule.NO_LOWERCASE, latinLetters(Character.LOWERCASE_LETTER)),
    UPPER_CASE(PasswordRule.NO_UPPERCASE, latinLetters(Character.UPPERCASE_LETTER)),
    DIGIT(PasswordRule.NO_DIGIT, EnglishCharacterData.Digit.getCharacters()),
    SPECIAL(PasswordRule.NO_SPECIAL, EnglishCharacterData.Special.getCharacters() + " \u00A0\u202F");

    /** Basic Latin to Latin Extended-B: every letter a name or a word of a European language uses. */
    private static final int LAST_LATIN = 0x024F;

    private final PasswordRule rule;
    private final String characters;

    CharacterClass(PasswordRule rule, String characters) {
        this.rule = rule;
        this.characters = characters;
    }

    @Override
    public String getErrorCode() {
        return rule.name();
    }

    @Override
    public String getCharacters() {
        return characters;
    }

    private static String latinLetters(int type) {
        StringBuilder letters = new StringBuilder();
        IntStream.rangeClosed(0, LAST_LATIN)
                .filter(codePoint -> Character.getType(codePoint) == type)
                .forEach(letters::appendCodePoint);
        return letters.toString();
    }
}
