package fr.sesame.school;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The établissements Sésame knows, by UAI. They come from the national directory of schools, imported by
 * the administrators ({@link #record}); the embedded run adds its demo établissements by migration.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class SchoolCatalog {

    @PersistenceContext(unitName = "sesame")
    EntityManager em;

    public Optional<School> find(Uai uai) {
        return Optional.ofNullable(em.find(School.class, uai.value()));
    }

    public List<School> all() {
        return em.createQuery("select s from School s order by s.name", School.class).getResultList();
    }

    /** Which of these UAIs are établissements Sésame knows: one query, for an import's chunk. */
    public Set<Uai> knownAmong(Collection<Uai> uais) {
        if (uais.isEmpty()) {
            return Set.of();
        }
        return em.createQuery("select s.uai from School s where s.uai in :uais", String.class)
                .setParameter("uais", uais.stream().map(Uai::value).distinct().toList())
                .getResultStream().map(Uai::new).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Records établissements as the national directory describes them, keyed by UAI: a new UAI is added,
     * a known one takes the name, kind and city given. None is ever removed here: one absent from the file
     * may still be the school of agents, tickets and référents, and a directory that drops a line by
     * mistake must not take them with it.
     *
     * @return what happened to each, in order (a UAI given twice is created once, then updated or unchanged)
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public List<SchoolOutcome> record(List<SchoolDescription> schools) {
        Map<String, School> known = new HashMap<>();
        if (!schools.isEmpty()) {
            em.createQuery("select s from School s where s.uai in :uais", School.class)
                    .setParameter("uais", schools.stream().map(s -> s.uai().value()).distinct().toList())
                    .getResultStream().forEach(school -> known.put(school.uai().value(), school));
        }
        List<SchoolOutcome> outcomes = new ArrayList<>(schools.size());
        for (SchoolDescription description : schools) {
            School school = known.get(description.uai().value());
            String kind = description.kind().orElse(null);
            if (school == null) {
                school = new School(description.uai(), description.name(), kind, description.city());
                em.persist(school);
                known.put(description.uai().value(), school);
                outcomes.add(SchoolOutcome.CREATED);
            } else {
                outcomes.add(school.describe(description.name(), kind, description.city())
                        ? SchoolOutcome.UPDATED : SchoolOutcome.UNCHANGED);
            }
        }
        return outcomes;
    }
}
