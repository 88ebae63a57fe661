package fr.sesame.account;

import fr.sesame.directory.Agent;
import fr.sesame.directory.Directory;
import fr.sesame.security.AttemptLimiter;
import fr.sesame.security.AttemptLimiter.Guarded;
import fr.sesame.security.AuditEventType;
import fr.sesame.security.AuditTrail;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.Optional;

/** The hotline's view of lock-outs after too many failures, and the way to lift one. */
@Stateless
public class LockOuts {

    @Inject
    Directory directory;

    @Inject
    AttemptLimiter limiter;

    @Inject
    AuditTrail audit;

    /** The agent's lock-outs; empty when no such agent. */
    public Optional<LockStatus> statusOf(String login) {
        return directory.findByLogin(login).map(agent -> new LockStatus(agent.identifiant(), agent.displayName(),
                limiter.lockedUntil(Guarded.LOGIN, agent.identifiant()),
                limiter.lockedUntil(Guarded.RESET, agent.identifiant())));
    }

    /**
     * Lets the agent try again at once: forgets their failed logins and reset requests.
     *
     * @param by the hotline member, for the audit trail
     * @return whether the agent exists
     */
    public boolean lift(String login, String by, String clientAddress) {
        Optional<Agent> agent = directory.findByLogin(login);
        agent.ifPresent(found -> {
            limiter.forget(Guarded.LOGIN, found.identifiant());
            limiter.forget(Guarded.RESET, found.identifiant());
            audit.record(AuditEventType.LOCK_LIFTED, found.identifiant(), clientAddress, "by " + by);
        });
        return agent.isPresent();
    }
}
