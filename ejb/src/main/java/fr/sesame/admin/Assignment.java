package fr.sesame.admin;

import fr.sesame.activation.MobileNumber;
import fr.sesame.directory.Numen;
import fr.sesame.school.Uai;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One agent's assignment as the HR file gives it: who, where, from when, and how to reach them
 * before they have a mailbox.
 *
 * @param surname the nom, as it should be written (accents kept, spaces single)
 * @param givenName the prénom, likewise
 * @param recoveryAddress a personal address outside the académie, where the invitation goes
 * @param endDate the last day of the assignment, when the HR file gives one: the account closes after it
 */
public record Assignment(
        Numen numen,
        String surname,
        String givenName,
        Uai uai,
        String recoveryAddress,
        Optional<MobileNumber> mobile,
        LocalDate startDate,
        Optional<LocalDate> endDate) {

    public Assignment {
        Objects.requireNonNull(numen, "numen");
        Objects.requireNonNull(uai, "uai");
        Objects.requireNonNull(recoveryAddress, "recoveryAddress");
        Objects.requireNonNull(startDate, "startDate");
        mobile = Objects.requireNonNullElse(mobile, Optional.empty());
        endDate = Objects.requireNonNullElse(endDate, Optional.empty());
        if (endDate.filter(end -> end.isBefore(startDate)).isPresent()) {
            throw new IllegalArgumentException("An assignment ends after it starts");
        }
        if (surname == null || surname.isBlank() || givenName == null || givenName.isBlank()) {
            throw new IllegalArgumentException("An assignment names its agent");
        }
    }

    @Override
    public String toString() {
        // Personal data stays out of logs: the masked NUMEN and the school are enough to follow a case.
        return "Assignment[" + numen.masked() + ", " + uai + "]";
    }
}
