package fr.sesame.mail;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
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
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);

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

    @Inject
    @ConfigProperty(name = "sesame.outbox.max-attempts")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "sesame.outbox.retry-base-seconds")
    long retryBaseSeconds;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> dueIds(int max) {
        return em.createQuery("select m.id from OutboundMessage m where m.status in :statuses"
                        + " and m.nextAttemptAt <= :now order by m.bulk, m.nextAttemptAt, m.id", Long.class)
                .setParameter("statuses", List.of(MessageStatus.QUEUED, MessageStatus.SENDING))
                .setParameter("now", clock.instant())
                .setMaxResults(max)
                .getResultList();
    }

    /** Takes the message for this courier; empty when it is no longer due (another courier had it). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<OutboundMessage> claim(Long id) {
        OutboundMessage message = em.find(OutboundMessage.class, id);
        if (message == null || !message.isDue(clock.instant())) {
            return Optional.empty();
        }
        message.claim(clock.instant(), LEASE);
        em.flush(); // the version check happens here: a concurrent claim fails instead of sending twice
        em.detach(message);
        return Optional.of(message);
    }

    /** Sends a claimed message and records the outcome. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void deliver(OutboundMessage message) {
        try {
            String body = seal.open(message.body(), message.recipient());
            switch (message.channel()) {
                case EMAIL -> mail.send(message.recipient(), message.subject(), body);
                case SMS -> sms.send(message.recipient(), body);
            }
            self.recordDelivered(message.id());
        } catch (DeliveryException e) {
            LOG.warning(() -> "Message " + message.id() + " not delivered (attempt " + message.attempts() + "): " + e.getMessage());
            self.recordFailure(message.id(), e.getMessage());
        }
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordDelivered(Long id) {
        em.find(OutboundMessage.class, id).delivered(clock.instant());
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordFailure(Long id, String reason) {
        OutboundMessage message = em.find(OutboundMessage.class, id);
        message.attemptFailed(reason, clock.instant(), retryDelay(message.attempts()), maxAttempts);
    }

    /** 1×, 2×, 4×… the base delay, at most an hour. */
    Duration retryDelay(int attemptsSoFar) {
        long factor = 1L << Math.min(20, Math.max(0, attemptsSoFar - 1));
        Duration delay = Duration.ofSeconds(retryBaseSeconds).multipliedBy(factor);
        return delay.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : delay;
    }
}
