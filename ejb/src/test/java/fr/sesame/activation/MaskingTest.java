package fr.sesame.activation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingTest {

    @Test
    void keepsTheFirstCharacterOfTheLocalPartAndTheWholeDomain() {
        assertThat(Masking.email("claire.martin@laposte.net")).isEqualTo("c***@laposte.net");
        assertThat(Masking.email("jd@example.org")).isEqualTo("j***@example.org");
    }

    @Test
    void hidesTheWholeLengthOfTheLocalPart() {
        // Always three stars: the length of the local part is part of what is hidden.
        assertThat(Masking.email("c@laposte.net")).isEqualTo("*@laposte.net");
        assertThat(Masking.email("ab@laposte.net")).isEqualTo("a***@laposte.net");
        assertThat(Masking.email("a".repeat(60) + "@laposte.net")).isEqualTo("a***@laposte.net");
    }

    @Test
    void keepsAnAccentedOrSupplementaryFirstCharacterWhole() {
        assertThat(Masking.email("émilie@example.org")).isEqualTo("é***@example.org");
        assertThat(Masking.email("😀x@example.org")).isEqualTo("😀***@example.org");
        assertThat(Masking.email("😀@example.org")).isEqualTo("*@example.org");
    }

    @Test
    void ignoresSurroundingBlanks() {
        assertThat(Masking.email("  claire@example.org ")).isEqualTo("c***@example.org");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "   ", "claire.martin", "@laposte.net", "claire@", "@",
            "claire@martin@laposte.net", "claire martin@laposte.net", "claire@lap oste.net",
            "claire\n@laposte.net"})
    void showsNothingOfWhatIsNotAnAddress(String address) {
        assertThat(Masking.email(address)).isEqualTo("***");
    }

    @Test
    void showsNothingOfAVeryLongValue() {
        assertThat(Masking.email("a".repeat(10_000) + "@laposte.net")).isEqualTo("***");
        assertThat(Masking.email("a@" + "b".repeat(10_000) + ".fr")).isEqualTo("***");
    }
}
