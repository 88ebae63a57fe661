package fr.sesame.mail;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Delivers the outbox: right after a commit that queued something, and every ten seconds from a timer
 * (which also retries, with back-off, what the mail server did not take). The timer is not persistent:
 * the messages are, and every server of a farm polls them; each message is claimed under a
 * row lock (and its version), so only one courier sends it. (A persistent timer every ten seconds made the
 * persistent executor write to the database as often, and fell behind under load.)
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OutboxCourier {

    private static final Logger LOG = Logger.getLogger(OutboxCourier.class.getName());
    private static final int ROUND_SIZE = 100;

    @Inject
    OutboxSteps steps;

    /** One round at a time in this server; a round asked for meanwhile runs again at the end. */
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean askedAgain = new AtomicBoolean();

    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = false, info = "outbox delivery")
    void onTimer() {
        deliverDue();
    }

    @Asynchronous
    public void deliverSoon() {
        deliverDue();
    }

    /** Delivers every message that is due now. */
    public void deliverDue() {
        askedAgain.set(true);
        // A request that arrives during a round makes that round run once more.
        while (askedAgain.get() && running.compareAndSet(false, true)) {
            try {
                askedAgain.set(false);
                round();
            } finally {
                running.set(false);
            }
        }
    }

    /**
     * Rounds of {@link #ROUND_SIZE} until fewer are due (a night's reminders leave at the server's
     * pace). A failure that may pass ends the round: with the relay down or slow, one attempt per tick
     * finds out when it is back, instead of each message waiting out its timeout in turn.
     */
    private void round() {
        List<Long> due;
        do {
            due = steps.dueIds(ROUND_SIZE);
            int claimed = 0;
            for (Long id : due) {
                try {
                    Optional<OutboundMessage> message = steps.claim(id);
                    if (message.isPresent()) {
                        claimed++;
                        if (!steps.deliver(message.get())) {
                            return;
                        }
                    }
                } catch (RuntimeException e) {
                    // The database hiccupped: the next round will see.
                    LOG.log(Level.FINE, "Message " + id + " skipped this round", e);
                }
            }
            if (claimed == 0) {
                return; // all taken by other couriers meanwhile
            }
        } while (due.size() == ROUND_SIZE);
    }
}
