package fr.sesame.school;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SchoolTest {

    @Test
    void keepsTrimmedNameAndCity() {
        School school = new School(new Uai("0801234A"), "  Collège Jules Verne ", " Amiens ");

        assertThat(school.name()).isEqualTo("Collège Jules Verne");
        assertThat(school.city()).isEqualTo("Amiens");
        assertThat(school.uai()).isEqualTo(new Uai("0801234A"));
    }

    @Test
    void refusesABlankName() {
        assertThatIllegalArgumentException().isThrownBy(() -> new School(new Uai("0801234A"), " ", "Amiens"));
    }

    @Test
    void describedAsTheNationalDirectorySaysItTellsWhetherAnythingChanged() {
        School school = new School(new Uai("0801480Z"), "Collège Édouard Lucas", " Collège ", "Amiens");
        assertThat(school.kind()).contains("Collège");

        assertThat(school.describe("Collège Édouard Lucas", "Collège", "Amiens")).isFalse();
        assertThat(school.describe("Collège Édouard-Lucas", "Collège", "Amiens")).isTrue();
        assertThat(school.describe("Collège Édouard-Lucas", "  ", "Amiens")).as("the kind dropped").isTrue();
        assertThat(school.kind()).isEmpty();
        assertThat(school.describe("Collège Édouard-Lucas", null, "Amiens")).isFalse();
    }

    @Test
    void renamingKeepsTheKind() {
        School school = new School(new Uai("0801480Z"), "Collège Édouard Lucas", "Collège", "Amiens");

        school.rename("Collège Lucas", "Amiens");

        assertThat(school.kind()).contains("Collège");
    }

    @Test
    void refusesWhatItsColumnsCannotHold() {
        Uai uai = new Uai("0801480Z");
        assertThatIllegalArgumentException().isThrownBy(() -> new School(uai, "N".repeat(201), "Amiens"));
        assertThatIllegalArgumentException().isThrownBy(() -> new School(uai, "Collège", "K".repeat(101), "Amiens"));
        assertThatIllegalArgumentException().isThrownBy(() -> new School(uai, "Collège", "A".repeat(101)));
        assertThat(new School(uai, "N".repeat(200), "K".repeat(100), "A".repeat(100)).name()).hasSize(200);
    }
}
