package fr.sesame.security;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Writes the audit trail: every security-relevant event, in the database and in the server log. Each
 * transaction's events are linked into the chain ({@link AuditChain}) as it commits.
 */
@Stateless
public class AuditTrail {

    /** The events a transaction wrote, waiting for their place in the chain. */
    private static final Object PENDING = AuditTrail.class.getName() + ".pending";

    private static final int EXPORT_PAGE = 1_000;

    private static final Logger LOG = Logger.getLogger("fr.sesame.audit");

    /**
     * The detail of an event about an identifiant the directory does not know: what was typed is not
     * kept (it may be a password typed in the wrong field).
     */
    public static final String UNKNOWN_ACCOUNT = "unknown account";

    @PersistenceContext(unitName = "sesame")
    EntityManager em;

    @Inject
    Clock clock;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Resource(lookup = "jdbc/sesame")
    DataSource database;

    /** Told of each event; observers after the commit see only what was kept (the ops metrics). */
    @Inject
    Event<AuditRecorded> recorded;

    /**
     * Records an event within the caller's transaction, so that it is kept exactly when the action is.
     *
     * @param actor the identifiant concerned (as typed, for a failed login)
     * @param clientAddress the client's IP address, or null
     * @param detail a short note without any secret, or null
     */
    public AuditEvent record(AuditEventType type, String actor, String clientAddress, String detail) {
        return recordAction(type, actor, null, clientAddress, detail);
    }

    /**
     * Records what a staff member did to an agent's account, within the caller's transaction.
     *
     * @param actor the agent concerned
     * @param performedBy the staff member's identifiant
     */
    public AuditEvent recordAction(AuditEventType type, String actor, String performedBy, String clientAddress,
            String detail) {
        AuditEvent event = new AuditEvent(clock.instant(), type, actor, performedBy, clientAddress, detail);
        List<AuditEvent> pending = pending();
        em.persist(event);
        pending.add(event);
        recorded.fire(new AuditRecorded(type));
        // The source given: no stack walk to find the caller for each of an import's 35,000 events.
        LOG.logp(java.util.logging.Level.INFO, AuditTrail.class.getName(), "record", () -> event.type()
                + " actor=" + event.actor() + (event.performedBy() == null ? "" : " by=" + event.performedBy())
                + " client=" + event.clientAddress() + (event.detail() == null ? "" : " detail=" + event.detail()));
        return event;
    }

    /**
     * This transaction's events still to be linked; the first one registers the link, which runs
     * once the transaction's other work is done and written.
     */
    private List<AuditEvent> pending() {
        Link link = (Link) transactions.getResource(PENDING);
        if (link != null && link.linked) {
            // Recorded from another synchronization's end, after the link: it would be left out of the chain.
            throw new IllegalStateException("an audit event recorded after its transaction's events were linked");
        }
        List<AuditEvent> events = link == null ? null : link.events;
        if (events == null) {
            Link fresh = new Link(new ArrayList<>());
            transactions.putResource(PENDING, fresh);
            transactions.registerInterposedSynchronization(fresh);
            events = fresh.events;
        }
        return events;
    }

    /**
     * Links a transaction's events at its very end: the chain head's lock is the last one the
     * transaction takes and is held only while it commits, so that two transactions never wait on
     * each other through it, and logins do not queue behind an import's long chunk.
     */
    private final class Link implements Synchronization {

        private final List<AuditEvent> events;
        private boolean linked;

        Link(List<AuditEvent> events) {
            this.events = events;
        }

        @Override
        public void beforeCompletion() {
            linked = true;
            if (transactions.getRollbackOnly()) {
                return;
            }
            // The persistence unit's own end of transaction usually comes first and has written the events;
            // when it has not, the ids the chain needs are written now. Never a second flush after it:
            // that writes the same rows again.
            if (events.stream().anyMatch(event -> event.id() == null)) {
                em.flush();
            }
            try (Connection connection = database.getConnection()) {
                AuditChain.link(connection, events);
            } catch (SQLException e) {
                transactions.setRollbackOnly();
                throw new EJBException("the audit trail could not be linked; nothing is kept", e);
            }
        }

        @Override
        public void afterCompletion(int status) {
            // nothing held
        }
    }

    /**
     * Records an event in a transaction of its own: kept even though the caller then refuses and
     * rolls back (a failed attempt is exactly what the trail must keep).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public AuditEvent recordRefusal(AuditEventType type, String actor, String clientAddress, String detail) {
        return record(type, actor, clientAddress, detail);
    }

    /** The events that match, newest first, from {@code first}: the RSSI's journal, a page at a time. */
    @RolesAllowed({Roles.RSSI, Roles.ADMIN})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AuditEvent> search(AuditQuery query, int first, int max) {
        return where(query, "select e from AuditEvent e", " order by e.id desc", AuditEvent.class)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
    }

    @RolesAllowed({Roles.RSSI, Roles.ADMIN})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long count(AuditQuery query) {
        return where(query, "select count(e) from AuditEvent e", "", Long.class).getSingleResult();
    }

    /**
     * Hands every matching event to {@code each}, newest first, a page at a time (the export): a year of
     * the trail never sits in memory at once.
     */
    @RolesAllowed({Roles.RSSI, Roles.ADMIN})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void forEach(AuditQuery query, Consumer<AuditEvent> each) {
        Long before = null;
        List<AuditEvent> page;
        do {
            AuditQuery next = before == null ? query : query.before(before);
            page = where(next, "select e from AuditEvent e", " order by e.id desc", AuditEvent.class)
                    .setMaxResults(EXPORT_PAGE)
                    .getResultList();
            page.forEach(each);
            if (!page.isEmpty()) {
                before = page.get(page.size() - 1).id();
            }
            em.clear();
        } while (page.size() == EXPORT_PAGE);
    }

    private <T> TypedQuery<T> where(AuditQuery query, String select, String order, Class<T> type) {
        StringBuilder jpql = new StringBuilder(select).append(" where 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        query.agent().ifPresent(agent -> {
            jpql.append(" and lower(e.actor) = :agent");
            parameters.put("agent", agent.toLowerCase(java.util.Locale.ROOT));
        });
        query.performedBy().ifPresent(by -> {
            jpql.append(" and lower(e.performedBy) = :by");
            parameters.put("by", by.toLowerCase(java.util.Locale.ROOT));
        });
        query.type().ifPresent(kind -> {
            jpql.append(" and e.type = :type");
            parameters.put("type", kind);
        });
        query.from().ifPresent(from -> {
            jpql.append(" and e.occurredAt >= :from");
            parameters.put("from", from);
        });
        query.until().ifPresent(until -> {
            jpql.append(" and e.occurredAt < :until");
            parameters.put("until", until);
        });
        query.beforeId().ifPresent(id -> {
            jpql.append(" and e.id < :beforeId");
            parameters.put("beforeId", id);
        });
        TypedQuery<T> typed = em.createQuery(jpql.append(order).toString(), type);
        parameters.forEach(typed::setParameter);
        return typed;
    }

    /** Walks the whole chain and names the first broken link (the RSSI's button). */
    @RolesAllowed({Roles.RSSI, Roles.ADMIN})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public AuditChain.Verification verify() {
        try (Connection connection = database.getConnection()) {
            return AuditChain.verify(connection);
        } catch (SQLException e) {
            throw new EJBException("the audit trail could not be read", e);
        }
    }

    /** The latest events about one identifiant, newest first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<AuditEvent> latestAbout(String actor, int max) {
        return em.createQuery("select e from AuditEvent e where e.actor = :actor order by e.occurredAt desc, e.id desc",
                        AuditEvent.class)
                .setParameter("actor", actor)
                .setMaxResults(max)
                .getResultList();
    }
}
