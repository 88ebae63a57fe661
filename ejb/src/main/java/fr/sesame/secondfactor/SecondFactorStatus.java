package fr.sesame.secondfactor;

import java.time.Instant;
import java.util.Optional;

/**
 * An agent's second factor as "Mon compte" shows it.
 *
 * @param enrolment the secret being enrolled (shown until a first code confirms it); empty otherwise
 */
public record SecondFactorStatus(boolean enabled, Optional<Instant> enabledAt, int recoveryCodesLeft,
                                 Optional<Enrolment> enrolment) {

    /** An enrolment under way: the secret in text and what the QR code holds. */
    public record Enrolment(String secret, String uri) {
    }
}
