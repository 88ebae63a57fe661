package fr.sesame.dashboard;

import java.util.Optional;

/**
 * The agents of one établissement invited during the period, and how many of them activated their
 * account since.
 *
 * @param uai empty for agents the directory gives no UAI, or no longer knows
 * @param name the établissement's name when Sésame knows its UAI
 */
public record SchoolActivation(Optional<String> uai, Optional<String> name, long invited, long activated) {

    public SchoolActivation {
        uai = java.util.Objects.requireNonNullElse(uai, Optional.empty());
        name = java.util.Objects.requireNonNullElse(name, Optional.empty());
    }

    public Share share() {
        return new Share(activated, invited);
    }
}
