package fr.sesame.admin;

import fr.sesame.activation.MobileNumber;
import fr.sesame.directory.Numen;
import fr.sesame.school.Uai;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class AssignmentTest {

    private static final Numen NUMEN = Numen.parse("20E1501234CMA").orElseThrow();
    private static final Uai UAI = new Uai("0801234A");
    private static final LocalDate START = LocalDate.of(2026, 9, 1);

    @Test
    void printsNoPersonalData() {
        Assignment assignment = new Assignment(NUMEN, "Martin", "Claire", UAI, "claire.martin@laposte.net",
                MobileNumber.parse("0612345678"), START, Optional.empty());

        assertThat(assignment.toString())
                .isEqualTo("Assignment[20E********MA, 0801234A]")
                .doesNotContain("Martin").doesNotContain("laposte").doesNotContain("1501234");
    }

    @Test
    void noEndDateIsAnEmptyOptionalAndAnEndBeforeTheStartIsRefused() {
        assertThat(new Assignment(NUMEN, "Martin", "Claire", UAI, "c@laposte.net", null, START, null).endDate()).isEmpty();
        assertThat(new Assignment(NUMEN, "Martin", "Claire", UAI, "c@laposte.net", null, START, Optional.of(START)).endDate())
                .contains(START);
        assertThatIllegalArgumentException().isThrownBy(
                () -> new Assignment(NUMEN, "Martin", "Claire", UAI, "c@laposte.net", null, START, Optional.of(START.minusDays(1))));
    }

    @Test
    void noMobileIsAnEmptyOptional() {
        Assignment assignment = new Assignment(NUMEN, "Martin", "Claire", UAI, "c@laposte.net", null, START, Optional.empty());

        assertThat(assignment.mobile()).isEmpty();
    }

    @Test
    void namesItsAgent() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new Assignment(NUMEN, " ", "Claire", UAI, "c@laposte.net", Optional.empty(), START, Optional.empty()));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new Assignment(NUMEN, "Martin", null, UAI, "c@laposte.net", Optional.empty(), START, Optional.empty()));
    }

    @Test
    void holdsEverythingTheInvitationNeeds() {
        assertThatNullPointerException().isThrownBy(
                () -> new Assignment(null, "Martin", "Claire", UAI, "c@laposte.net", Optional.empty(), START, Optional.empty()));
        assertThatNullPointerException().isThrownBy(
                () -> new Assignment(NUMEN, "Martin", "Claire", null, "c@laposte.net", Optional.empty(), START, Optional.empty()));
        assertThatNullPointerException().isThrownBy(
                () -> new Assignment(NUMEN, "Martin", "Claire", UAI, null, Optional.empty(), START, Optional.empty()));
        assertThatNullPointerException().isThrownBy(
                () -> new Assignment(NUMEN, "Martin", "Claire", UAI, "c@laposte.net", Optional.empty(), null, Optional.empty()));
    }
}
