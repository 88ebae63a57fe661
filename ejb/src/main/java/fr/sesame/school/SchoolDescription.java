package fr.sesame.school;

import java.util.Objects;
import java.util.Optional;

/**
 * An établissement as the national directory of schools (Annuaire de l'éducation) describes it: what
 * Sésame keeps of one of its lines.
 *
 * @param kind the directory's type of établissement ("Collège", "Service Administratif"…), when given
 */
public record SchoolDescription(Uai uai, String name, Optional<String> kind, String city) {

    public SchoolDescription {
        Objects.requireNonNull(uai, "uai");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(city, "city");
    }
}
