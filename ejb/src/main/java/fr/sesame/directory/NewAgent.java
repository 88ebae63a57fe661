package fr.sesame.directory;

import fr.sesame.school.Uai;

import java.util.Objects;
import java.util.Optional;

/**
 * An agent Sésame adds to the directory from the HR file, before they activate their account.
 *
 * @param mobile the mobile number as shown to people ({@code 06 12 34 56 78}), if known
 */
public record NewAgent(
        String identifiant,
        String givenName,
        String surname,
        String academicAddress,
        Numen numen,
        Uai uai,
        String recoveryAddress,
        Optional<String> mobile) {

    public NewAgent {
        Objects.requireNonNull(identifiant, "identifiant");
        Objects.requireNonNull(givenName, "givenName");
        Objects.requireNonNull(surname, "surname");
        Objects.requireNonNull(academicAddress, "academicAddress");
        Objects.requireNonNull(numen, "numen");
        Objects.requireNonNull(uai, "uai");
        Objects.requireNonNull(recoveryAddress, "recoveryAddress");
        mobile = Objects.requireNonNullElse(mobile, Optional.empty());
    }

    public String displayName() {
        return givenName + " " + surname;
    }

    @Override
    public String toString() {
        return "NewAgent[" + identifiant + "]";
    }
}
