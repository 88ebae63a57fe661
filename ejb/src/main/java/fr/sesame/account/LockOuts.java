package fr.sesame.account;

import fr.sesame.security.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import fr.sesame.directory.Agent;
import fr.sesame.directory.Directory;
import fr.sesame.security.AttemptLimiter;
import fr.sesame.security.AttemptLimiter.Guarded;
import fr.sesame.security.AuditEventType;
import fr.sesame.security.AuditTrail;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The hotline's view of lock-outs after too many failures, and the way to lift one. */
@Stateless
@RolesAllowed({Roles.HOTLINE, Roles.ADMIN})
public class LockOuts {

    @Inject
    Directory directory;

    @Inject
    AttemptLimiter limiter;

    @Inject
    AuditTrail audit;

    @Inject
    fr.sesame.secondfactor.SecondFactorService secondFactors;

    /** The agent's lock-outs; empty when no such agent. */
    public Optional<LockStatus> statusOf(String login) {
        return directory.findByLogin(login).map(agent -> new LockStatus(agent.identifiant(), agent.displayName(),
                limiter.lockedUntil(Guarded.LOGIN, agent.identifiant()),
                limiter.lockedUntil(Guarded.RESET, agent.identifiant()),
                secondFactors.isEnabled(agent.identifiant())));
    }

    /**
     * Lets the agent try again at once: forgets their failed logins, NUMEN and code attempts, reset and
     * mail requests.
     *
     * @param by the hotline member, for the audit trail
     * @return whether the agent exists
     */
    @RolesAllowed({Roles.HOTLINE, Roles.RSSI, Roles.ADMIN}) // the RSSI from the agent look-up
    public boolean lift(String login, String by, String clientAddress) {
        Optional<Agent> agent = directory.findByLogin(login);
        agent.ifPresent(found -> {
            for (Guarded guarded : Guarded.values()) {
                limiter.forget(guarded, found.identifiant());
            }
            audit.recordAction(AuditEventType.LOCK_LIFTED, found.identifiant(), by, clientAddress, "by " + by);
        });
        return agent.isPresent();
    }

    /** What a client address (a school behind one address, say) is refused, and until when. */
    public Map<Guarded, Instant> clientStatusOf(String address) {
        Map<Guarded, Instant> locks = new EnumMap<>(Guarded.class);
        for (Guarded guarded : Guarded.values()) {
            limiter.clientLockedUntil(guarded, address).ifPresent(until -> locks.put(guarded, until));
        }
        return locks;
    }

    /** Lets a client address try again at once, for everything it was refused. */
    public void liftClient(String address, String by, String clientAddress) {
        for (Guarded guarded : Guarded.values()) {
            limiter.forgetClient(guarded, address);
        }
        audit.recordAction(AuditEventType.LOCK_LIFTED, null, by, clientAddress, "client address " + address + " by " + by);
    }
}
