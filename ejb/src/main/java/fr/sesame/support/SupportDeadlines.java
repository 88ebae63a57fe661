package fr.sesame.support;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;

/**
 * What the clock does to tickets: a ticket not taken, or not resolved, by its deadline goes up a
 * level (the school's référents → the hotline → the experts) and the next level is told; a ticket
 * left "Résolu" past the reopening window closes. Each ticket changes in its own transaction, under
 * its version: two servers running this at once change it once.
 */
@Stateless
public class SupportDeadlines {

    private static final int BATCH = 200;
    static final String SESAME = "sesame";

    @PersistenceContext(unitName = "sesame")
    EntityManager em;

    @Inject
    TicketService tickets;

    @Inject
    SupportSettings settings;

    @Inject
    fr.sesame.mail.MailTemplates templates;

    /** The overdue tickets at {@code now}, ids only, oldest deadline first. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> overdue(Instant now) {
        return em.createQuery("select t.id from Ticket t where t.status in :open and t.level < :last"
                        + " and ((t.takenAt is null and t.takeDeadline <= :now) or t.resolveDeadline <= :now)"
                        + " order by t.takeDeadline, t.id", Long.class)
                .setParameter("open", List.of(TicketStatus.NEW, TicketStatus.IN_PROGRESS))
                .setParameter("last", Ticket.EXPERTS)
                .setParameter("now", now)
                .setMaxResults(BATCH)
                .getResultList();
    }

    /** Escalates one ticket if it is still overdue at {@code now}; returns whether it did. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean escalateIfOverdue(Long id, Instant now) {
        Ticket ticket = em.find(Ticket.class, id, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        if (ticket == null || !ticket.status().isOpen() || ticket.status() == TicketStatus.WAITING
                || ticket.level() >= Ticket.EXPERTS) {
            return false;
        }
        boolean late = ticket.takenAt() == null && !now.isBefore(ticket.takeDeadline()) || !now.isBefore(ticket.resolveDeadline());
        if (!late) {
            return false;
        }
        tickets.raise(ticket, SESAME, templates.text("ticket-author.system"), templates.text("ticket-note.deadline"), now);
        return true;
    }

    /** The tickets resolved before the reopening window, ids only. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<Long> toClose(Instant now) {
        return em.createQuery("select t.id from Ticket t where t.status = :resolved and t.resolvedAt <= :before"
                        + " order by t.resolvedAt, t.id", Long.class)
                .setParameter("resolved", TicketStatus.RESOLVED)
                .setParameter("before", now.minus(settings.reopenWindow()))
                .setMaxResults(BATCH)
                .getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean closeIfStillResolved(Long id, Instant now) {
        Ticket ticket = em.find(Ticket.class, id, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        if (ticket == null || ticket.status() != TicketStatus.RESOLVED || ticket.isReopenable(now, settings.reopenWindow())) {
            return false;
        }
        ticket.close(SESAME, templates.text("ticket-author.system"), now);
        return true;
    }
}
