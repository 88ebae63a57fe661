package fr.sesame.school;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Optional;

/** The établissements Sésame knows, by UAI. */
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
}
