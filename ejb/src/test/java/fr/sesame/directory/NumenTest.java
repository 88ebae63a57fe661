package fr.sesame.directory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NumenTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "20E1501234CMA",
            "20e1501234cma",
            " 20E1501234CMA ",
            "20 E 15 01234 CMA",
            "20.E.15.01234.CMA",
            "20-E-15-01234-CMA",
            "20\u00A0E\u00A015\u00A001234\u00A0CMA",
            "20\u202FE15\u202F01234\u202FCMA",
            "20E15\t01234\nCMA",
            "20–E–1501234–CMA"})
    void readsWhatPeopleTypeIntoTheNormalisedValue(String typed) {
        assertThat(Numen.parse(typed)).map(Numen::value).contains("20E1501234CMA");
    }

    @Test
    void acceptsAnyAcademieAndAnyCategoryLetter() {
        // Agents move between académies and keep their NUMEN: 20 (Amiens) is not required.
        assertThat(Numen.parse("09G9912345XYZ")).isPresent();
        assertThat(Numen.parse("31P0000000AAA")).isPresent();
        assertThat(Numen.parse("20I1500001ZZZ")).isPresent();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "   ",
            "20E1501234CM",          // 12 characters
            "20E1501234CMAA",        // 14 characters
            "2XE1501234CMA",         // letter in the académie
            "201150123CMAA",         // digit for the category
            "20E15O1234CMA",         // letter O for a zero
            "20E1501234CM1",         // digit among the final letters
            "20É1501234CMA",         // accented letter
            "20E1501234ÇMA",
            "20E1501234CMA*",
            "*)(uid=*",
            "20E1501234_CMA",
            "２０E1501234CMA",        // full-width digits
            "20E1501234CMı"})        // dotless i upper-cases to I: not taken for one
    void refusesAnythingElse(String typed) {
        assertThat(Numen.parse(typed)).isEmpty();
    }

    @Test
    @Timeout(value = 1, unit = TimeUnit.SECONDS)
    void refusesAVeryLongInputQuickly() {
        String huge = "20E1501234CMA".repeat(770);
        for (int i = 0; i < 10_000; i++) {
            assertThat(Numen.parse(huge)).isEmpty();
        }
        assertThat(Numen.parse(" ".repeat(10_000) + "20E1501234CMA")).isEmpty();
        assertThat(Numen.parse("2".repeat(10_000))).isEmpty();
    }

    @Test
    void masksAllButTheFirstThreeAndLastTwoCharacters() {
        Numen numen = Numen.parse("20E1501234CMA").orElseThrow();

        assertThat(numen.masked()).isEqualTo("20E********MA").hasSize(Numen.LENGTH);
    }

    @Test
    void neverShowsItselfInClearWhenPrintedOrConcatenated() {
        Numen numen = Numen.parse("20E1501234CMA").orElseThrow();

        assertThat(numen.toString()).isEqualTo("20E********MA");
        assertThat("numen=" + numen).doesNotContain("1501234").doesNotContain("20E1501234CMA");
        assertThat(String.format("%s", numen)).isEqualTo("20E********MA");
    }

    @Test
    void matchesTheDirectoryValueWhateverItsSpacingAndCase() {
        Numen numen = Numen.parse("20E1501234CMA").orElseThrow();

        assertThat(numen.matches("20E1501234CMA")).isTrue();
        assertThat(numen.matches("20e1501234cma")).isTrue();
        assertThat(numen.matches(" 20 E 15 01234 CMA ")).isTrue();
    }

    @Test
    void doesNotMatchAnotherValue() {
        Numen numen = Numen.parse("20E1501234CMA").orElseThrow();

        assertThat(numen.matches("20E1501234CMB")).isFalse();
        assertThat(numen.matches("30E1501234CMA")).isFalse();
        assertThat(numen.matches("20E1501234CM")).isFalse();
        assertThat(numen.matches("20E1501234CMAA")).isFalse();
        assertThat(numen.matches("")).isFalse();
        assertThat(numen.matches(null)).isFalse();
        assertThat(numen.matches("20E1501234CMA".repeat(1000))).isFalse();
        assertThat(numen.matches("20É1501234CMA")).isFalse();
    }

    @Test
    void isEqualToTheSameNumenHoweverTyped() {
        assertThat(Numen.parse("20 e 1501234 cma")).isEqualTo(Numen.parse("20E1501234CMA"));
        assertThat(Numen.parse("20E1501234CMA")).isNotEqualTo(Numen.parse("20E1501234CMB"));
    }

    @Test
    void cannotBeBuiltFromAnUnnormalisedValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Numen("20e1501234cma"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Numen("20 E1501234CMA"));
        assertThatIllegalArgumentException().isThrownBy(() -> new Numen(null));
    }

    @Test
    void theExampleShownToPeopleIsItselfANumen() {
        assertThat(Numen.parse(Numen.EXAMPLE)).map(Numen::value).contains(Numen.EXAMPLE);
    }
}
