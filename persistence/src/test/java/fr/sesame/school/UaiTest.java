package fr.sesame.school;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class UaiTest {

    @Test
    void readsWhatWasTypedWithSpacesAndLowerCase() {
        assertThat(Uai.parse(" 080 1234a ")).contains(new Uai("0801234A"));
    }

    @Test
    void knowsItsDepartement() {
        assertThat(new Uai("0600045T").departement()).isEqualTo("060");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"080123A", "08012345A", "0801234", "A801234A", "0801234*", "0801234)(uid=*"})
    void refusesAnythingElse(String typed) {
        assertThat(Uai.parse(typed)).isEmpty();
    }

    @Test
    void constructorRefusesAWrongShape() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Uai("0801234a"));
    }
}
