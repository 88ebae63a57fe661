package fr.sesame.admin;

import fr.sesame.admin.AssignmentLine.Accepted;
import fr.sesame.admin.AssignmentLine.Rejected;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class AssignmentLineTest {

    @Test
    void aRejectionDetailIsCutToEightyCharacters() {
        Rejected rejected = new Rejected(3, RejectionReason.NAME_TOO_LONG, "x".repeat(10_000));

        assertThat(rejected.detail()).hasSize(Rejected.DETAIL_MAX_LENGTH);
    }

    @Test
    void noDetailIsAnEmptyDetail() {
        assertThat(new Rejected(3, RejectionReason.SURNAME_MISSING, null).detail()).isEmpty();
    }

    @Test
    void aNumenInADetailIsMaskedWhateverTheColumnItCameFrom() {
        // Columns swapped by mistake: the NUMEN lands in the surname.
        assertThat(new Rejected(2, RejectionReason.NAME_INVALID, "20E1501234CMA").detail())
                .isEqualTo("20E********MA");
        assertThat(new Rejected(2, RejectionReason.NAME_INVALID, "Martin 20e1501234cma Claire").detail())
                .isEqualTo("Martin 20e********ma Claire");
        assertThat(new Rejected(2, RejectionReason.NAME_INVALID, "20 E 15 01234 CMA").detail())
                .isEqualTo("20E********MA");
        assertThat(new Rejected(2, RejectionReason.NAME_INVALID, "x20.E.15.01234.CMAy").detail())
                .isEqualTo("x20E********MAy");
    }

    @Test
    void aNumenAcrossTheCutIsMaskedBeforeTheCut() {
        String detail = "y".repeat(75) + "20E1501234CMA";

        assertThat(new Rejected(2, RejectionReason.NAME_TOO_LONG, detail).detail())
                .isEqualTo("y".repeat(75) + "20E**");
    }

    @Test
    void otherDigitsAreShownAsTheyAre() {
        assertThat(new Rejected(2, RejectionReason.MOBILE_INVALID, "01 23 45 67 89").detail())
                .isEqualTo("01 23 45 67 89");
        assertThat(new Rejected(2, RejectionReason.UAI_INVALID, "080123A").detail()).isEqualTo("080123A");
    }

    @Test
    void controlCharactersNeverReachTheReport() {
        assertThat(new Rejected(2, RejectionReason.UAI_INVALID, "0801\u0000234\u001B[2JA").detail())
                .isEqualTo("0801?234?[2JA");
    }

    @Test
    void linesAreNumberedFromOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Rejected(0, RejectionReason.UAI_INVALID, ""));
        assertThatNullPointerException().isThrownBy(() -> new Rejected(1, null, ""));
        assertThatNullPointerException().isThrownBy(() -> new Accepted(1, null));
    }
}
