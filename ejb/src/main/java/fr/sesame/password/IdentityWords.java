package fr.sesame.password;

import fr.sesame.platform.Folding;
import org.passay.PasswordData;
import org.passay.UsernameRule;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The words of an agent's identity that their password must not contain: the identifiant whole, and
 * each part of the given name and surname ("Jean-Pierre" gives jean and pierre, "D'Almeida" gives
 * almeida), all folded.
 *
 * <p>Words shorter than three letters are left out: refusing every password that contains "le" (of
 * "Le Gall") or "d" would refuse almost everything and protect nothing. The same floor applies to an
 * identifiant, although real ones are longer.
 */
record IdentityWords(Optional<String> identifiant, List<String> nameParts) {

    private static final int SHORTEST_WORD = 3;
    private static final Pattern BETWEEN_NAME_PARTS = Pattern.compile("[^\\p{L}]+");
    // Both sides are folded already: Passay's own case folding would use the default locale.
    private static final UsernameRule CONTAINS = new UsernameRule(false, false);

    IdentityWords {
        nameParts = List.copyOf(nameParts);
    }

    static IdentityWords of(PasswordContext context) {
        Optional<String> identifiant = Optional.ofNullable(context.identifiant())
                .map(String::strip)
                .map(Folding::fold)
                .filter(word -> word.length() >= SHORTEST_WORD);
        List<String> nameParts = Stream.of(context.givenName(), context.surname())
                .filter(Objects::nonNull)
                .map(Folding::fold)
                .flatMap(name -> Arrays.stream(BETWEEN_NAME_PARTS.split(name)))
                .filter(part -> part.length() >= SHORTEST_WORD)
                .distinct()
                .toList();
        return new IdentityWords(identifiant, nameParts);
    }

    boolean identifiantIn(String foldedPassword) {
        return identifiant.filter(word -> contains(foldedPassword, word)).isPresent();
    }

    boolean nameIn(String foldedPassword) {
        return nameParts.stream().anyMatch(part -> contains(foldedPassword, part));
    }

    /** Every word, for zxcvbn to count as easy guesses. */
    List<String> all() {
        return Stream.concat(identifiant.stream(), nameParts.stream()).toList();
    }

    private static boolean contains(String foldedPassword, String word) {
        return !CONTAINS.validate(new PasswordData(word, foldedPassword)).isValid();
    }
}
