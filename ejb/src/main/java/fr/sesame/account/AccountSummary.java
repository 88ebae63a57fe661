package fr.sesame.account;

import fr.sesame.directory.AccountState;
import fr.sesame.school.Uai;

import java.time.Instant;
import java.util.Optional;

/**
 * The account as shown on "Mon compte".
 *
 * @param schoolName the établissement's name when Sésame knows the UAI, otherwise empty
 * @param passwordChangedAt when the password was last set, as far as the directory or Sésame knows
 * @param passwordDaysLeft whole days before the password expires (0 once expired)
 */
public record AccountSummary(
        String identifiant,
        String displayName,
        String academicAddress,
        Optional<Uai> uai,
        Optional<String> schoolName,
        Optional<String> schoolCity,
        Optional<String> recoveryAddress,
        AccountState state,
        Optional<Instant> passwordChangedAt,
        Optional<Instant> passwordExpiresAt,
        Optional<Long> passwordDaysLeft,
        boolean passwordExpired) {
}
