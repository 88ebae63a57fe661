package fr.sesame.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** Starts a delivery round as soon as a transaction that queued mail commits (never if it rolls back). */
@ApplicationScoped
public class OutboxTrigger {

    @Inject
    OutboxCourier courier;

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessageQueued event) {
        courier.deliverSoon();
    }
}
