package fr.sesame.school;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Objects;
import java.util.Optional;

/**
 * An établissement (school or service) of the académie, known by its UAI. The directory only
 * carries the UAI of each agent; the readable name, kind and town live here, as the national
 * directory of schools (Annuaire de l'éducation) gives them.
 */
@Entity
@Table(name = "school")
public class School {

    public static final int NAME_LENGTH = 200;
    public static final int CITY_LENGTH = 100;
    public static final int KIND_LENGTH = 100;

    @Id
    @Column(name = "uai", length = 8, nullable = false, updatable = false)
    private String uai;

    @Column(name = "name", length = NAME_LENGTH, nullable = false)
    private String name;

    @Column(name = "city", length = CITY_LENGTH, nullable = false)
    private String city;

    /** What the national directory calls its type ("Collège", "Service Administratif"…); null when not known. */
    @Column(name = "kind", length = KIND_LENGTH)
    private String kind;

    protected School() {
        // for JPA
    }

    public School(Uai uai, String name, String city) {
        this(uai, name, null, city);
    }

    /** @param kind the type of établissement, or null or blank when not known */
    public School(Uai uai, String name, String kind, String city) {
        this.uai = Objects.requireNonNull(uai, "uai").value();
        describe(name, kind, city);
    }

    public Uai uai() {
        return new Uai(uai);
    }

    public String name() {
        return name;
    }

    public String city() {
        return city;
    }

    /** The type of établissement ("Collège", "Lycée", "Service Administratif"…), when known. */
    public Optional<String> kind() {
        return Optional.ofNullable(kind);
    }

    /** The school changed its name or moved: both are required; its kind is kept. */
    public void rename(String name, String city) {
        describe(name, kind, city);
    }

    /**
     * The school as the national directory describes it now: name and city required, within their
     * columns; kind optional.
     *
     * @return whether anything changed
     */
    public boolean describe(String name, String kind, String city) {
        if (name == null || name.isBlank() || city == null || city.isBlank()) {
            throw new IllegalArgumentException("A school needs a name and a city");
        }
        String newName = name.strip();
        String newCity = city.strip();
        String newKind = kind == null || kind.isBlank() ? null : kind.strip();
        if (newName.length() > NAME_LENGTH || newCity.length() > CITY_LENGTH
                || newKind != null && newKind.length() > KIND_LENGTH) {
            throw new IllegalArgumentException("A school's name, kind or city is longer than its column");
        }
        boolean changed = !newName.equals(this.name) || !newCity.equals(this.city) || !Objects.equals(newKind, this.kind);
        this.name = newName;
        this.city = newCity;
        this.kind = newKind;
        return changed;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof School school && uai.equals(school.uai);
    }

    @Override
    public int hashCode() {
        return uai.hashCode();
    }

    @Override
    public String toString() {
        return "School[" + uai + "]";
    }
}
