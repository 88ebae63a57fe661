package fr.sesame.mail;

import fr.sesame.security.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Queues e-mails and SMS in the caller's transaction: the message exists exactly when the action
 * that causes it is committed. A courier delivers it right after the commit, and again later if the
 * server did not take it.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

    @PersistenceContext(unitName = "sesame")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Event<MessageQueued> queued;

    @Inject
    OutboxSeal seal;

    /** The longest text a message may carry. */
    public static final int BODY_LENGTH = 8000;

    /**
     * @param reference what the message is about (an identifiant), shown to the hotline; never a secret
     */
    public OutboundMessage email(String recipient, MailText text, String reference) {
        return queue(withHtml(OutboundMessage.email(recipient, text.kind(), text.subject(), sealed(text.body(), recipient),
                reference, clock.instant()), text));
    }

    /**
     * An e-mail whose content is of no use after {@code usefulUntil} (a one-time code, a reset link):
     * if the mail server is down until then, it is dropped rather than delivered too late.
     */
    public OutboundMessage email(String recipient, MailText text, String reference, Instant usefulUntil) {
        return queue(withHtml(OutboundMessage.email(recipient, text.kind(), text.subject(), sealed(text.body(), recipient),
                reference, clock.instant()), text).usefulUntil(usefulUntil));
    }

    /**
     * An e-mail that leaves at {@code sendAt} and not before (or at once when that moment is past): an
     * invitation a few days before the agent's start date.
     */
    public OutboundMessage emailFrom(Instant sendAt, String recipient, MailText text, String reference) {
        return queue(withHtml(OutboundMessage.email(recipient, text.kind(), text.subject(), sealed(text.body(), recipient),
                reference, clock.instant()), text).notBefore(sendAt));
    }

    /**
     * An e-mail nobody is waiting for at this minute (a renewal reminder): it leaves after the others
     * that are due.
     */
    public OutboundMessage bulkEmail(String recipient, MailText text, String reference) {
        return queue(withHtml(OutboundMessage.bulkEmail(recipient, text.kind(), text.subject(),
                sealed(text.body(), recipient), reference, clock.instant()), text));
    }

    /**
     * @param number      the mobile number in E.164 form, {@code +33612345678}
     * @param usefulUntil when what it carries (a code) stops being of use: not delivered by then, dropped
     */
    public OutboundMessage sms(String number, SmsText text, String reference, Instant usefulUntil) {
        return queue(OutboundMessage.sms(number, text.kind(), sealed(text.text(), number), reference, clock.instant())
                .usefulUntil(usefulUntil));
    }

    /** How many messages wait for the mail server or the gateway, and since when the oldest: for the hotline. */
    @RolesAllowed({Roles.HOTLINE, Roles.ADMIN})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Waiting waiting() {
        return waitingAt(clock.instant());
    }

    /** The same as of {@code now}, leaving out what was queued after it: the administrators' dashboard. */
    @RolesAllowed({Roles.HOTLINE, Roles.ADMIN})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Waiting waitingAt(Instant now) {
        return countWaiting(now);
    }

    /**
     * The same figures for the ops metrics, read by a timer that runs as nobody: how many and since when,
     * nothing about any message or person.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Waiting waitingForOps(Instant now) {
        return countWaiting(now);
    }

    private Waiting countWaiting(Instant now) {
        List<MessageStatus> waiting = List.of(MessageStatus.QUEUED, MessageStatus.SENDING);
        // A message never tried whose moment has not come (an invitation for the rentrée) is not waiting.
        String due = " and (m.attempts > 0 or m.nextAttemptAt <= :now) and m.createdAt <= :now";
        long count = em.createQuery("select count(m) from OutboundMessage m where m.status in :statuses" + due, Long.class)
                .setParameter("statuses", waiting)
                .setParameter("now", now)
                .getSingleResult();
        long retrying = em.createQuery("select count(m) from OutboundMessage m where m.status in :statuses" + due
                        + " and m.attempts > 0", Long.class)
                .setParameter("statuses", waiting)
                .setParameter("now", now)
                .getSingleResult();
        // The oldest as a column, not min(): an aggregate skips the Instant converter on PostgreSQL.
        Optional<Instant> oldest = em.createQuery("select m.createdAt from OutboundMessage m where m.status in :statuses"
                        + due + " order by m.createdAt", Instant.class)
                .setParameter("statuses", waiting)
                .setParameter("now", now)
                .setMaxResults(1)
                .getResultList().stream().findFirst();
        return new Waiting(count, retrying, oldest);
    }

    /**
     * The messages still to deliver: how many, how many of them after a failed attempt, queued since when.
     */
    public record Waiting(long count, long retrying, Optional<Instant> oldest) {
    }

    /** The body as the database keeps it until delivery: sealed, so that no code or link is readable there. */
    private String sealed(String body, String recipient) {
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("body is required");
        }
        if (body.length() > BODY_LENGTH) {
            throw new IllegalArgumentException("A message body holds at most " + BODY_LENGTH + " characters");
        }
        return seal.seal(body, recipient);
    }

    /**
     * The HTML alternative, sealed beside the body. One too long to store (a request's very long text drawn
     * in HTML) is left out: the plain text is complete on its own.
     */
    private OutboundMessage withHtml(OutboundMessage message, MailText text) {
        if (text.html() == null || text.html().isBlank()) {
            return message;
        }
        String sealed = seal.sealHtml(text.html(), message.recipient());
        if (sealed.length() > OutboundMessage.STORED_HTML_LENGTH) {
            LOG.warning(() -> "The HTML of a " + text.kind() + " message is too long to store: it leaves as plain text");
            return message;
        }
        return message.withHtml(sealed);
    }

    private OutboundMessage queue(OutboundMessage message) {
        em.persist(message);
        queued.fire(new MessageQueued());
        return message;
    }

    /** The latest messages about one identifiant or to one recipient, newest first, for the hotline. */
    @RolesAllowed({Roles.HOTLINE, Roles.ADMIN})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<OutboundMessage> search(String referenceOrRecipient, int max) {
        String value = referenceOrRecipient == null ? "" : referenceOrRecipient.strip().toLowerCase(java.util.Locale.ROOT);
        return em.createQuery("select m from OutboundMessage m where lower(m.reference) = :value or lower(m.recipient) = :value"
                        + " order by m.createdAt desc, m.id desc", OutboundMessage.class)
                .setParameter("value", value)
                .setMaxResults(max)
                .getResultList();
    }

    /**
     * The latest messages about one agent (their identifiant as reference), newest first, for the agent
     * look-up: what was sent and what became of it, never its recipient's address, body or code.
     */
    @RolesAllowed({Roles.REFERENT, Roles.HOTLINE, Roles.RSSI, Roles.ADMIN})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<SentMessage> about(String identifiant, int max) {
        return em.createQuery("select new fr.sesame.mail.SentMessage(m.kind, m.channel, m.status, m.createdAt, m.sentAt)"
                        + " from OutboundMessage m where lower(m.reference) = :identifiant order by m.createdAt desc, m.id desc",
                        SentMessage.class)
                .setParameter("identifiant", identifiant.toLowerCase(java.util.Locale.ROOT))
                .setMaxResults(max)
                .getResultList();
    }

    /**
     * Drops the messages of this kind about this agent that have not left yet (an invitation planned for
     * the start date, once the invitation is replaced or the account closed): they would carry a dead link.
     *
     * @return how many were dropped
     */
    public int dropWaiting(String reference, String kind) {
        List<OutboundMessage> waiting = em.createQuery("select m from OutboundMessage m where m.reference = :reference"
                        + " and m.kind = :kind and m.status = :queued", OutboundMessage.class)
                .setParameter("reference", reference)
                .setParameter("kind", kind)
                .setParameter("queued", fr.sesame.mail.MessageStatus.QUEUED)
                .getResultList();
        waiting.forEach(OutboundMessage::expired);
        return waiting.size();
    }

    /** The latest messages of every kind, newest first. */
    @RolesAllowed({Roles.HOTLINE, Roles.ADMIN})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public List<OutboundMessage> latest(int max) {
        return em.createQuery("select m from OutboundMessage m order by m.createdAt desc, m.id desc", OutboundMessage.class)
                .setMaxResults(max)
                .getResultList();
    }
}
