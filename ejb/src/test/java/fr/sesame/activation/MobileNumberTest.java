package fr.sesame.activation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MobileNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "06 12 34 56 78",
            "0612345678",
            "06.12.34.56.78",
            "06-12-34-56-78",
            "06/12/34/56/78",
            " 06 12 34 56 78 ",
            "06\u00A012\u00A034\u00A056\u00A078",
            "+33 6 12 34 56 78",
            "+33612345678",
            "+33 (0)6 12 34 56 78",
            "0033612345678",
            "00 33 6 12 34 56 78"})
    void readsAMobileInEveryUsualForm(String typed) {
        assertThat(MobileNumber.parse(typed)).map(MobileNumber::e164).contains("+33612345678");
    }

    @Test
    void readsNumbersStartingWithSevenToo() {
        assertThat(MobileNumber.parse("07 98 76 54 32")).map(MobileNumber::e164).contains("+33798765432");
        assertThat(MobileNumber.parse("+33 7 98 76 54 32")).map(MobileNumber::e164).contains("+33798765432");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "0690 12 34 56,      +590690123456",
            "0691 12 34 56,      +590691123456",
            "0694 12 34 56,      +594694123456",
            "0696 12 34 56,      +596696123456",
            "0697 12 34 56,      +596697123456",
            "0692 12 34 56,      +262692123456",
            "0693 12 34 56,      +262693123456",
            "0639 12 34 56,      +262639123456",
            "+590 690 12 34 56,  +590690123456",
            "00262 692 12 34 56, +262692123456",
            "+33 6 90 12 34 56,  +590690123456"})
    void givesOverseasMobilesTheirOwnCountryCode(String typed, String e164) {
        assertThat(MobileNumber.parse(typed)).map(MobileNumber::e164).contains(e164);
    }

    @Test
    void refusesAnOverseasCountryCodeBeforeAMainlandNumber() {
        assertThat(MobileNumber.parse("+590 6 12 34 56 78")).isEmpty();
        assertThat(MobileNumber.parse("+262 690 12 34 56")).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
            "   ",
            "01 23 45 67 89", "02 23 45 67 89", "03 22 82 38 00", "04 23 45 67 89", "05 23 45 67 89",
            "09 23 45 67 89", "08 00 12 34 56",
            "+33 1 23 45 67 89", "+33 9 23 45 67 89",
            "06 12 34 56 7", "06 12 34 56 789", "6 12 34 56 78", "612345678",
            "+33 06 12 34 56 78", "+44 7 12 34 56 78", "+3361234567", "0033 06 12 34 56 78",
            "06 12 34 56 7A", "O6 12 34 56 78", "06 12 34 56 78 ext", "deux",
            "06 12 34 56 78, 07 98 76 54 32", "06_12_34_56_78", "(06) 12 34 56 78",
            "０６１２３４５６７８"})
    void refusesWhatIsNotAFrenchMobile(String typed) {
        assertThat(MobileNumber.parse(typed)).isEmpty();
    }

    @Test
    void refusesAVeryLongInputWithoutWorkingOnIt() {
        assertThat(MobileNumber.parse("0".repeat(10_000))).isEmpty();
        assertThat(MobileNumber.parse(" ".repeat(10_000) + "0612345678")).isEmpty();
    }

    @Test
    void displaysTheNationalFormInPairs() {
        assertThat(MobileNumber.parse("+33612345678").orElseThrow().display()).isEqualTo("06 12 34 56 78");
        assertThat(MobileNumber.parse("+590690123456").orElseThrow().display()).isEqualTo("06 90 12 34 56");
    }

    @Test
    void masksAllButTheFirstAndLastPair() {
        MobileNumber mobile = MobileNumber.parse("06 12 34 56 78").orElseThrow();

        assertThat(mobile.masked()).isEqualTo("06 ** ** ** 78");
        assertThat(mobile.toString()).isEqualTo("06 ** ** ** 78");
        assertThat("mobile=" + mobile).doesNotContain("12 34 56").doesNotContain("345");
    }

    @Test
    void sameNumberHoweverTypedIsEqual() {
        assertThat(MobileNumber.parse("06 12 34 56 78")).isEqualTo(MobileNumber.parse("+33 6 12 34 56 78"));
    }

    @Test
    void cannotBeBuiltFromAnythingButAFrenchMobileInE164() {
        assertThat(new MobileNumber("+33612345678").display()).isEqualTo("06 12 34 56 78");
        assertThatIllegalArgumentException().isThrownBy(() -> new MobileNumber("0612345678"));
        assertThatIllegalArgumentException().isThrownBy(() -> new MobileNumber("0033612345678"));
        assertThatIllegalArgumentException().isThrownBy(() -> new MobileNumber("+33(0)612345678"));
        assertThatIllegalArgumentException().isThrownBy(() -> new MobileNumber("+33123456789"));
        assertThatIllegalArgumentException().isThrownBy(() -> new MobileNumber("+33690123456"));
        assertThatIllegalArgumentException().isThrownBy(() -> new MobileNumber(null));
    }
}
