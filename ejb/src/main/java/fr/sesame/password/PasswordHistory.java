package fr.sesame.password;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agent's last passwords as PBKDF2 hashes, newest first: a new password may not be one of them,
 * and the newest one's date is Sésame's own record of the last change.
 */
@Stateless
public class PasswordHistory {

    /**
     * The entry that is its agent's latest. Read as the attribute, not as {@code max(changedAt)}: an
     * aggregate comes back as the database's own type, which the Instant converter does not take on
     * PostgreSQL.
     */
    private static final String LATEST = "h.changedAt = (select max(l.changedAt) from PasswordHistoryEntry l"
            + " where l.identifiant = h.identifiant)";

    @PersistenceContext(unitName = "sesame")
    EntityManager em;

    @Inject
    PasswordSettings settings;

    /** Keeps the new password's hash and forgets those beyond the history's size. */
    public void record(String identifiant, String password, Instant changedAt) {
        em.persist(new PasswordHistoryEntry(identifiant, PasswordHashes.hash(password), changedAt));
        em.flush();
        List<PasswordHistoryEntry> entries = newestFirst(identifiant, Integer.MAX_VALUE);
        entries.stream().skip(settings.historySize()).forEach(em::remove);
    }

    /** Whether the candidate is one of the agent's last passwords. */
    public boolean isRecent(String identifiant, String candidate) {
        return newestFirst(identifiant, settings.historySize()).stream()
                .anyMatch(entry -> PasswordHashes.matches(candidate, entry.hash()));
    }

    /** When the agent last set a password through Sésame, if ever. */
    public Optional<Instant> lastChange(String identifiant) {
        return newestFirst(identifiant, 1).stream().findFirst().map(PasswordHistoryEntry::changedAt);
    }

    /** The last change of each of these agents that Sésame recorded, in one query. */
    public Map<String, Instant> lastChanges(Collection<String> identifiants) {
        Map<String, Instant> changes = new HashMap<>();
        if (identifiants.isEmpty()) {
            return changes;
        }
        em.createQuery("select h.identifiant, h.changedAt from PasswordHistoryEntry h"
                        + " where h.identifiant in :identifiants and " + LATEST, Object[].class)
                .setParameter("identifiants", identifiants)
                .getResultList()
                .forEach(row -> changes.put((String) row[0], (Instant) row[1]));
        return changes;
    }

    /**
     * The agents whose latest change recorded by Sésame falls in {@code [from, to]}: those the
     * directory does not date, or dates wrongly.
     */
    public Map<String, Instant> lastChangedBetween(Instant from, Instant to) {
        Map<String, Instant> changes = new HashMap<>();
        em.createQuery("select h.identifiant, h.changedAt from PasswordHistoryEntry h"
                        + " where h.changedAt >= :from and h.changedAt <= :to and " + LATEST, Object[].class)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList()
                .forEach(row -> changes.put((String) row[0], (Instant) row[1]));
        return changes;
    }

    private List<PasswordHistoryEntry> newestFirst(String identifiant, int max) {
        return em.createQuery("select h from PasswordHistoryEntry h where h.identifiant = :identifiant"
                        + " order by h.changedAt desc, h.id desc", PasswordHistoryEntry.class)
                .setParameter("identifiant", identifiant)
                .setMaxResults(max)
                .getResultList();
    }
}
