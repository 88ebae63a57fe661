package fr.sesame.admin;

import fr.sesame.directory.Numen;
import fr.sesame.school.Uai;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class InvitationItemWriterTest {

    private static final Uai KNOWN = new Uai("0801234A");
    private static final Uai UNKNOWN = new Uai("0809876K");

    @Test
    void aLineOfASchoolSesameDoesNotKnowIsRefusedWithItsUai() {
        AssignmentLine.Accepted known = accepted(2, "20E1501234CMA", KNOWN);
        AssignmentLine.Accepted unknown = accepted(3, "20E0500111JDU", UNKNOWN);
        AssignmentLine.Rejected refused = new AssignmentLine.Rejected(4, RejectionReason.NUMEN_INVALID, "20E");

        List<Object> checked = InvitationItemWriter.withKnownSchools(List.of(known, unknown, refused), Set.of(KNOWN));

        assertThat(checked).containsExactly(known, new AssignmentLine.Rejected(3, RejectionReason.UNKNOWN_SCHOOL, "0809876K"), refused);
    }

    @Test
    void withEveryUaiKnownTheChunkIsUntouched() {
        List<Object> items = List.of(accepted(2, "20E1501234CMA", KNOWN), accepted(3, "20E0500111JDU", KNOWN));

        assertThat(InvitationItemWriter.withKnownSchools(items, Set.of(KNOWN))).isEqualTo(items);
    }

    private static AssignmentLine.Accepted accepted(int line, String numen, Uai uai) {
        return new AssignmentLine.Accepted(line, new Assignment(Numen.parse(numen).orElseThrow(), "Martin", "Claire", uai,
                "claire.martin@laposte.net", Optional.empty(), LocalDate.of(2026, 9, 1), Optional.empty()));
    }
}
