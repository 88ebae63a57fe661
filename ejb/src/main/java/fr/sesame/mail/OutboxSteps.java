package fr.sesame.mail;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The courier's steps, each in its own transaction: claim a message, hand it to the mail server or
 * the SMS gateway (outside any transaction), record the outcome.
 */
@Stateless
public class OutboxSteps {

    private static final Logger LOG = Logger.getLogger(OutboxSteps.class.getName());
    /** How long a claimed message is left to its courier before another may take it again. */
    private static final Duration LEASE = Duration.ofMinutes(2);

    @PersistenceContext(unitName = "sesame")
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    MailDelivery mail;

    @Inject
    SmsGateway sms;

    @Inject
    OutboxSeal seal;

    @Inject
    OutboxSteps self;

    /** Told of each attempt that did not deliver, once its record commits (the ops metrics). */
    @Inject
    Event<DeliveryFailed> failed;

    @Inject
    @ConfigProperty(name = "sesame.outbox.retry-base-seconds")
    long retryBaseSeconds;

    /** While a message is younger than this, retries come at least every {@code earlyMaxWaitMinutes}… */
    @Inject
    @ConfigProperty(name = "sesame.outbox.early-hours")
    long earlyHours;

    @Inject
    @ConfigProperty(name = "sesame.outbox.early-max-wait-minutes")
    long earlyMaxWaitMinutes;

    /** …then at least every this, until the server takes it (a weekend without the relay loses nothing). */
    @Inject
    @ConfigProperty(name = "sesame.outbox.max-wait-minutes")
    long maxWaitMinutes;

    /** This server's name in the farm. */
    @Inject
    @ConfigProperty(name = "sesame.server-name")
    String serverName;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> dueIds(int max) {
        return em.createQuery("select m.id from OutboundMessage m where m.status in :statuses"
                        + " and m.nextAttemptAt <= :now order by m.bulk, m.nextAttemptAt, m.id", Long.class)
                .setParameter("statuses", List.of(MessageStatus.QUEUED, MessageStatus.SENDING))
                .setParameter("now", clock.instant())
                .setMaxResults(max)
                .getResultList();
    }

    /**
     * Takes the message for this courier; empty when it is no longer due (another courier had it) or
     * when what it carries has no use any more (then it is dropped, and the hotline sees it). The row is
     * locked while it is read: a courier of another server that wants it too waits for this claim's
     * commit, then finds it taken (rather than failing on the version, an error in its log).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<OutboundMessage> claim(Long id) {
        OutboundMessage message = em.find(OutboundMessage.class, id, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        if (message == null || !message.isDue(now)) {
            return Optional.empty();
        }
        if (message.isUseless(now)) {
            message.expired();
            failed.fire(new DeliveryFailed(DeliveryFailed.Outcome.EXPIRED));
            LOG.info(() -> "Message " + id + " (" + message.kind() + ") dropped undelivered: its content was of use until "
                    + message.usefulUntil().orElseThrow());
            return Optional.empty();
        }
        message.claim(now, LEASE);
        em.flush(); // the version is checked too
        em.detach(message);
        return Optional.of(message);
    }

    /**
     * Sends a claimed message and records the outcome.
     *
     * @return false when the attempt failed for a reason that may pass (the server is down or busy):
     *         the courier stops its round there rather than wait on the same server for every message
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean deliver(OutboundMessage message) {
        String body;
        String html;
        try {
            body = seal.open(message.body(), message.recipient());
            html = message.htmlBody().map(sealed -> seal.openHtml(sealed, message.recipient())).orElse(null);
        } catch (IllegalStateException e) {
            // Sealed with another key: no attempt will ever open it.
            LOG.severe(() -> "Message " + message.id() + " cannot be opened: " + e.getMessage());
            self.recordRefusal(message.id(), e.getMessage());
            return true;
        }
        try {
            switch (message.channel()) {
                case EMAIL -> mail.send(message.recipient(), message.subject(), body, html, messageId(message));
                case SMS -> sms.send(message.recipient(), body);
            }
            self.recordDelivered(message.id());
            return true;
        } catch (DeliveryException e) {
            LOG.warning(() -> "Message " + message.id() + " not delivered (attempt " + message.attempts() + "): " + e.getMessage());
            if (e.isPermanent()) {
                self.recordRefusal(message.id(), e.getMessage());
                return true;
            }
            self.recordFailure(message.id(), e.getMessage());
            return false;
        }
    }

    /** The left part of the Message-ID: one per outbox message, the same at each attempt. */
    static String messageId(OutboundMessage message) {
        return "sesame.outbox." + message.id() + "." + message.createdAt().toEpochMilli();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordDelivered(Long id) {
        em.find(OutboundMessage.class, id).delivered(clock.instant(), serverName);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordFailure(Long id, String reason) {
        OutboundMessage message = em.find(OutboundMessage.class, id);
        Instant now = clock.instant();
        message.attemptFailed(reason, now, retryDelay(message.attempts(), Duration.between(message.createdAt(), now)));
        failed.fire(new DeliveryFailed(DeliveryFailed.Outcome.RETRY));
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordRefusal(Long id, String reason) {
        em.find(OutboundMessage.class, id).refused(reason);
        failed.fire(new DeliveryFailed(DeliveryFailed.Outcome.REFUSED));
    }

    /**
     * 1×, 2×, 4×… the base delay, at most {@code earlyMaxWaitMinutes} while the message is younger than
     * {@code earlyHours}, at most {@code maxWaitMinutes} after.
     */
    Duration retryDelay(int attemptsSoFar, Duration waited) {
        long factor = 1L << Math.min(20, Math.max(0, attemptsSoFar - 1));
        Duration delay = Duration.ofSeconds(retryBaseSeconds).multipliedBy(factor);
        Duration longest = waited.compareTo(Duration.ofHours(earlyHours)) < 0
                ? Duration.ofMinutes(earlyMaxWaitMinutes) : Duration.ofMinutes(maxWaitMinutes);
        return delay.compareTo(longest) > 0 ? longest : delay;
    }
}
