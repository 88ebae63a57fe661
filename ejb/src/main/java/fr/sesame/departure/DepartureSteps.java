package fr.sesame.departure;

import fr.sesame.activation.InvitationService;
import fr.sesame.directory.AccountState;
import fr.sesame.directory.Agent;
import fr.sesame.directory.Directory;
import fr.sesame.mail.MailTemplates;
import fr.sesame.mail.Outbox;
import fr.sesame.password.PasswordResetService;
import fr.sesame.security.AuditEventType;
import fr.sesame.security.AuditTrail;
import fr.sesame.security.SessionCutoffs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * One agent's step of the nightly departures run, each in its own transaction: one agent's failure
 * (the directory down) leaves the others done and is tried again the next night. Each step reads its
 * row under a lock and does nothing when another run did it already.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DepartureSteps {

    @PersistenceContext(unitName = "sesame")
    EntityManager em;

    @Inject
    Directory directory;

    @Inject
    Outbox outbox;

    @Inject
    MailTemplates templates;

    @Inject
    InvitationService invitations;

    @Inject
    PasswordResetService resets;

    @Inject
    SessionCutoffs sessions;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** The notice to the recovery address of an active agent; none for an agent who cannot read it. */
    public boolean sendNotice(String identifiant) {
        Departure departure = locked(identifiant);
        if (departure == null || departure.isDone() || departure.noticeSentAt().isPresent()) {
            return false;
        }
        departure.noticeSent(clock.instant());
        Optional<Agent> agent = directory.findByLogin(identifiant)
                .filter(a -> a.state() == AccountState.ACTIVE && a.recoveryAddress().isPresent());
        agent.ifPresent(a -> outbox.email(a.recoveryAddress().get(), templates.email("departure-notice", a.givenName(),
                a.academicAddress(), templates.date(departure.endDate())), a.identifiant()));
        return agent.isPresent();
    }

    /**
     * Closes the account: directory state {@code departed} and the directory's lock (the mail servers
     * refuse the bind), invitations and reset links dead, sessions ended.
     */
    public boolean close(String identifiant) {
        Departure departure = locked(identifiant);
        if (departure == null || departure.isDone()) {
            return false;
        }
        Instant now = clock.instant();
        Optional<Agent> agent = directory.findByLogin(identifiant);
        agent.filter(a -> a.state() != AccountState.DEPARTED).ifPresent(directory::depart);
        invitations.closeAllFor(identifiant, now);
        int links = resets.closeAllFor(identifiant, now);
        sessions.endSessionsOf(identifiant);
        departure.departed(now);
        audit.record(AuditEventType.ACCOUNT_DEPARTED, identifiant, null, "last day " + departure.endDate()
                + (agent.isEmpty() ? ", no entry in the directory" : "") + (links > 0 ? ", " + links + " reset link(s) closed" : ""));
        return true;
    }

    /** After the retention: out of Sésame's groups. The entry stays: Sésame deletes none. */
    public boolean leaveGroups(String identifiant) {
        Departure departure = locked(identifiant);
        if (departure == null || !departure.isDone() || departure.groupsLeftAt().isPresent()) {
            return false;
        }
        int left = directory.findByLogin(identifiant).map(directory::leaveSesameGroups).orElse(0);
        departure.groupsLeft(clock.instant());
        audit.record(AuditEventType.DEPARTED_GROUPS_LEFT, identifiant, null, left + " group(s)");
        return true;
    }

    private Departure locked(String identifiant) {
        return em.find(Departure.class, identifiant, LockModeType.PESSIMISTIC_WRITE);
    }
}
