package fr.sesame.password;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHashesTest {

    @Test
    void aHashMatchesItsPasswordOnlyAndNeverContainsIt() {
        String hash = PasswordHashes.hash("Ma-Classe-2026!");
        assertThat(hash).startsWith("pbkdf2-sha256$" + PasswordHashes.ITERATIONS + "$").doesNotContain("Classe");
        assertThat(PasswordHashes.matches("Ma-Classe-2026!", hash)).isTrue();
        assertThat(PasswordHashes.matches("ma-classe-2026!", hash)).isFalse();
        assertThat(PasswordHashes.matches("", hash)).isFalse();
    }

    @Test
    void theSamePasswordGetsADifferentSaltEachTime() {
        assertThat(PasswordHashes.hash("Ma-Classe-2026!")).isNotEqualTo(PasswordHashes.hash("Ma-Classe-2026!"));
    }

    @Test
    void accentsTypedEitherWayGiveTheSameHash() {
        String composed = "Élève-Très-Sûr-2026";
        String decomposed = java.text.Normalizer.normalize(composed, java.text.Normalizer.Form.NFD);
        assertThat(PasswordHashes.matches(decomposed, PasswordHashes.hash(composed))).isTrue();
    }

    @Test
    void anUnreadableHashMatchesNothing() {
        assertThat(PasswordHashes.matches("x", null)).isFalse();
        assertThat(PasswordHashes.matches("x", "")).isFalse();
        assertThat(PasswordHashes.matches("x", "md5$1$abc$def")).isFalse();
        assertThat(PasswordHashes.matches("x", "pbkdf2-sha256$abc$%%%$def")).isFalse();
        assertThat(PasswordHashes.matches("x", "pbkdf2-sha256$10$%%%$def")).isFalse();
    }
}
