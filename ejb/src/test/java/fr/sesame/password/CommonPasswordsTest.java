package fr.sesame.password;

import org.junit.jupiter.api.Test;
import org.passay.dictionary.WordLists;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped word list keeps the shape Passay's binary search relies on. */
class CommonPasswordsTest {

    private static List<String> shippedWords() throws IOException {
        try (InputStream in = CommonPasswords.class.getResourceAsStream("common-passwords.txt")) {
            assertThat(in).as("common-passwords.txt on the class path").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }

    @Test
    void isSortedAsPassayCompares() throws IOException {
        assertThat(shippedWords()).isSortedAccordingTo(WordLists.CASE_INSENSITIVE_COMPARATOR);
    }

    @Test
    void holdsThousandsOfLowerCaseWordsOnceEach() throws IOException {
        List<String> words = shippedWords();

        assertThat(words).hasSizeGreaterThan(5_000).doesNotHaveDuplicates();
        assertThat(words).allSatisfy(word -> {
            assertThat(word).isNotBlank().isEqualTo(word.strip()).isEqualTo(word.toLowerCase(Locale.ROOT));
        });
    }

    @Test
    void holdsFrenchFavourites() throws IOException {
        assertThat(shippedWords()).contains("motdepasse", "azerty123", "soleil", "marseille", "jetaime", "bonjour1",
                "academie", "education", "amiens");
    }

    @Test
    void findsAListedPasswordAndNotAnUnlistedOne() {
        CommonPasswords list = CommonPasswords.shipped();

        assertThat(list.includes("azerty123")).isTrue();
        assertThat(list.includes("gx7#kpq2!zwr")).isFalse();
        assertThat(list.includes("")).isFalse();
    }
}
