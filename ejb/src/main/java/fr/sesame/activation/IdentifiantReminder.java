package fr.sesame.activation;

import fr.sesame.directory.Agent;
import fr.sesame.directory.Directory;
import fr.sesame.directory.Numen;
import fr.sesame.mail.MailTemplates;
import fr.sesame.mail.Outbox;
import fr.sesame.security.AttemptLimiter;
import fr.sesame.security.AttemptLimiter.Guarded;
import fr.sesame.security.AuditEventType;
import fr.sesame.security.AuditTrail;
import fr.sesame.security.TooManyAttemptsException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.Locale;
import java.util.Optional;

/**
 * "Identifiant oublié": the NUMEN and the recovery address on file bring the identifiant by e-mail to
 * that address. The answer is the same whether or not anything matched.
 */
@Stateless
public class IdentifiantReminder {

    @Inject
    Directory directory;

    @Inject
    Outbox outbox;

    @Inject
    MailTemplates templates;

    @Inject
    AttemptLimiter limiter;

    @Inject
    AuditTrail audit;

    @Inject
    ActivationSettings settings;

    /**
     * @return false only when the NUMEN has not the expected shape (the page says which shape); true
     *         in every other case, sent or not
     */
    public boolean send(String typedNumen, String typedRecoveryAddress, String clientAddress) throws TooManyAttemptsException {
        Optional<Numen> numen = Numen.parse(typedNumen);
        if (numen.isEmpty()) {
            return false;
        }
        // Any request from one client address counts, matching or not: nobody floods mailboxes from one place.
        limiter.attempt(Guarded.MAIL_REQUEST, null, clientAddress);
        limiter.attempt(Guarded.NUMEN, numen.get().value(), clientAddress);
        String typed = typedRecoveryAddress == null ? "" : typedRecoveryAddress.strip().toLowerCase(Locale.ROOT);
        Optional<Agent> agent = directory.findByNumen(numen.get())
                .filter(found -> found.recoveryAddress().map(a -> a.toLowerCase(Locale.ROOT).equals(typed)).orElse(false));
        if (agent.isEmpty()) {
            return true;
        }
        limiter.succeeded(Guarded.NUMEN, numen.get().value(), clientAddress);
        Agent found = agent.get();
        if (!limiter.withinLimit(Guarded.MAIL_REQUEST, found.identifiant())) {
            // Enough reminders today: the page says the same, and the recovery mailbox is not flooded.
            return true;
        }
        outbox.email(found.recoveryAddress().orElseThrow(), templates.email("identifiant", found.identifiant(),
                found.academicAddress(), settings.url("/connexion")), found.identifiant());
        audit.record(AuditEventType.IDENTIFIANT_REMINDER_SENT, found.identifiant(), clientAddress, null);
        return true;
    }
}
