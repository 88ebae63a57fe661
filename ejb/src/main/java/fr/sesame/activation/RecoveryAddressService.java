package fr.sesame.activation;

import fr.sesame.directory.Agent;
import fr.sesame.directory.Directory;
import fr.sesame.security.AttemptLimiter;
import fr.sesame.security.AttemptLimiter.Guarded;
import fr.sesame.security.Callers;
import fr.sesame.security.NotTheCallerException;
import fr.sesame.security.Roles;
import fr.sesame.security.TooManyAttemptsException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.Optional;

/**
 * The agent's recovery address, from "Mon compte": add or change it (a link to the new address confirms
 * it), and the public page the link opens.
 */
@Stateless
@DeclareRoles({Roles.AGENT, Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN})
public class RecoveryAddressService {

    @Inject
    RecoveryAddressChanges changes;

    @Inject
    Directory directory;

    @Inject
    AttemptLimiter limiter;

    @Inject
    ActivationSettings settings;

    @Resource
    SessionContext context;

    /**
     * Sends the confirmation link to the address the agent typed; the address on file stays until the
     * link is followed. A few an hour at most, so nobody floods a stranger's mailbox.
     *
     * @throws RecoveryAddressException when the address is not a usable personal one (the academic address,
     *                                  the académie's own domain, malformed)
     */
    @RolesAllowed({Roles.AGENT, Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN})
    public String request(String login, String typed, String clientAddress)
            throws RecoveryAddressException, TooManyAttemptsException {
        Agent agent = self(login);
        String address = changes.usable(agent, typed, settings.mailDomain()).orElseThrow(RecoveryAddressException::new);
        limiter.attempt(Guarded.CODE_SENT, agent.identifiant(), clientAddress);
        changes.propose(agent, address, clientAddress);
        return address;
    }

    /** The address waiting for its link, for the caller's page. */
    @RolesAllowed({Roles.AGENT, Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN})
    public Optional<String> pendingOf(String login) {
        return changes.pending(self(login).identifiant());
    }

    /**
     * The link of the confirmation mail was followed (a button on its page, not the link itself: mail
     * scanners open links).
     *
     * @return the confirmed address; empty when the link is unknown, used or too old
     */
    @PermitAll
    public Optional<String> confirm(String token, String clientAddress) throws TooManyAttemptsException {
        limiter.attempt(Guarded.RESET, null, clientAddress);
        Optional<String> confirmed = changes.confirm(token, clientAddress);
        if (confirmed.isPresent()) {
            limiter.succeeded(Guarded.RESET, null, clientAddress);
        }
        return confirmed;
    }

    private Agent self(String login) {
        Callers.requireSelf(context, login);
        return directory.findByLogin(login).orElseThrow(() -> new NotTheCallerException("No such account"));
    }
}
