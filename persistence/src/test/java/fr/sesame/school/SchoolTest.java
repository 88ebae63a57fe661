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
}
