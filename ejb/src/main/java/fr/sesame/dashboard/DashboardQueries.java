package fr.sesame.dashboard;

import fr.sesame.mail.MessageStatus;
import fr.sesame.security.AuditEventType;
import fr.sesame.support.TicketCategory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The dashboard's counts, in JPQL: one query per period, each an index range on a date (migration V19)
 * grouped by the database. No vendor date function: the periods are cut in Java ({@link Buckets}), so
 * the same queries run on H2 and PostgreSQL and a day is the académie's day, not the database's.
 */
@ApplicationScoped
class DashboardQueries {

    @PersistenceContext(unitName = "sesame")
    EntityManager em;

    /** Audit events of this type in each period. */
    List<Long> events(AuditEventType type, Buckets periods) {
        List<Long> counts = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            counts.add(em.createQuery("select count(e) from AuditEvent e where e.type = :type"
                            + " and e.occurredAt >= :from and e.occurredAt < :to", Long.class)
                    .setParameter("type", type).setParameter("from", periods.from(i)).setParameter("to", periods.to(i))
                    .getSingleResult());
        }
        return counts;
    }

    /** The agents an audit event of this type concerns in each period, each counted once a period. */
    List<Long> agents(AuditEventType type, Buckets periods) {
        List<Long> counts = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            counts.add(em.createQuery("select count(distinct e.actor) from AuditEvent e where e.type = :type"
                            + " and e.occurredAt >= :from and e.occurredAt < :to", Long.class)
                    .setParameter("type", type).setParameter("from", periods.from(i)).setParameter("to", periods.to(i))
                    .getSingleResult());
        }
        return counts;
    }

    /** The identifiants (lower case) invited in {@code [from, to)}. */
    Set<String> invited(Instant from, Instant to) {
        Set<String> invited = new HashSet<>();
        em.createQuery("select distinct i.identifiant from Invitation i where i.createdAt >= :from and i.createdAt < :to",
                        String.class)
                .setParameter("from", from).setParameter("to", to)
                .getResultList().forEach(identifiant -> invited.add(identifiant.toLowerCase(Locale.ROOT)));
        return invited;
    }

    /** The agents (lower case) whose account was activated in {@code [from, to)}. */
    Set<String> activated(Instant from, Instant to) {
        Set<String> activated = new HashSet<>();
        em.createQuery("select distinct e.actor from AuditEvent e where e.type = :type"
                        + " and e.occurredAt >= :from and e.occurredAt < :to", String.class)
                .setParameter("type", AuditEventType.ACCOUNT_ACTIVATED).setParameter("from", from).setParameter("to", to)
                .getResultList().stream().filter(java.util.Objects::nonNull)
                .forEach(actor -> activated.add(actor.toLowerCase(Locale.ROOT)));
        return activated;
    }

    /** The names of the établissements Sésame knows, by UAI. */
    Map<String, String> schoolNames() {
        Map<String, String> names = new HashMap<>();
        em.createQuery("select s.uai, s.name from School s", Object[].class).getResultList()
                .forEach(row -> names.put((String) row[0], (String) row[1]));
        return names;
    }

    /** Tickets opened and resolved in one period, by category and level (only those with some). */
    Map<TicketCategory, Map<Integer, TicketCount>> tickets(Instant from, Instant to) {
        Map<TicketCategory, Map<Integer, TicketCount>> counts = new EnumMap<>(TicketCategory.class);
        for (Object[] row : em.createQuery("select t.category, t.level, count(t) from Ticket t"
                        + " where t.createdAt >= :from and t.createdAt < :to group by t.category, t.level", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList()) {
            add(counts, (TicketCategory) row[0], ((Number) row[1]).intValue(), new TicketCount(((Number) row[2]).longValue(), 0, 0));
        }
        for (Object[] row : em.createQuery("select t.category, t.level, count(t) from Ticket t"
                        + " where t.resolvedAt >= :from and t.resolvedAt < :to group by t.category, t.level", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList()) {
            add(counts, (TicketCategory) row[0], ((Number) row[1]).intValue(), new TicketCount(0, ((Number) row[2]).longValue(), 0));
        }
        // Apart rather than a sum of a case: the same plain count on every database.
        for (Object[] row : em.createQuery("select t.category, t.level, count(t) from Ticket t"
                        + " where t.resolvedAt >= :from and t.resolvedAt < :to and t.resolvedAt <= t.resolveDeadline"
                        + " group by t.category, t.level", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList()) {
            add(counts, (TicketCategory) row[0], ((Number) row[1]).intValue(), new TicketCount(0, 0, ((Number) row[2]).longValue()));
        }
        return counts;
    }

    private static void add(Map<TicketCategory, Map<Integer, TicketCount>> counts, TicketCategory category, int level,
                            TicketCount count) {
        counts.computeIfAbsent(category, c -> new HashMap<>()).merge(level, count, TicketCount::plus);
    }

    /** Messages queued in each period that were refused for good, and that were dropped once useless. */
    List<OutboxFigures.DailyFailures> failures(Buckets days) {
        List<OutboxFigures.DailyFailures> perDay = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            Map<MessageStatus, Long> byStatus = new EnumMap<>(MessageStatus.class);
            for (Object[] row : em.createQuery("select m.status, count(m) from OutboundMessage m"
                            + " where m.createdAt >= :from and m.createdAt < :to and m.status in :statuses"
                            + " group by m.status", Object[].class)
                    .setParameter("from", days.from(i)).setParameter("to", days.to(i))
                    .setParameter("statuses", List.of(MessageStatus.FAILED, MessageStatus.EXPIRED)).getResultList()) {
                byStatus.put((MessageStatus) row[0], ((Number) row[1]).longValue());
            }
            perDay.add(new OutboxFigures.DailyFailures(days.start(i), byStatus.getOrDefault(MessageStatus.FAILED, 0L),
                    byStatus.getOrDefault(MessageStatus.EXPIRED, 0L)));
        }
        return perDay;
    }
}
