package fr.sesame.school;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Objects;

/**
 * An établissement (school or service) of the académie, known by its UAI. The directory only
 * carries the UAI of each agent; the readable name and town live here.
 */
@Entity
@Table(name = "school")
public class School {

    @Id
    @Column(name = "uai", length = 8, nullable = false, updatable = false)
    private String uai;

    @Column(name = "name", length = 200, nullable = false)
    private String name;

    @Column(name = "city", length = 100, nullable = false)
    private String city;

    protected School() {
        // for JPA
    }

    public School(Uai uai, String name, String city) {
        this.uai = Objects.requireNonNull(uai, "uai").value();
        rename(name, city);
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

    /** The school changed its name or moved: both are required. */
    public void rename(String name, String city) {
        if (name == null || name.isBlank() || city == null || city.isBlank()) {
            throw new IllegalArgumentException("A school needs a name and a city");
        }
        this.name = name.strip();
        this.city = city.strip();
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
