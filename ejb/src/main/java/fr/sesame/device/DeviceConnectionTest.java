package fr.sesame.device;

import jakarta.ejb.SessionContext;
import jakarta.annotation.Resource;
import fr.sesame.security.Callers;
import fr.sesame.security.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import fr.sesame.account.AccountService;
import fr.sesame.directory.AccountState;
import fr.sesame.directory.Agent;
import fr.sesame.directory.Directory;
import fr.sesame.security.TooManyAttemptsException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * The agent's own connection test: the password they typed is checked by the directory first (a wrong
 * one counts towards the lock-out and leaves the audit events of a failed login), then used once for an IMAP login and an SMTP
 * authentication against the académie's servers. It is never stored or logged.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@DeclareRoles({Roles.AGENT, Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN})
public class DeviceConnectionTest {

    @Resource
    SessionContext context;

    @Inject
    DeviceSettings settings;

    @Inject
    Directory directory;

    @Inject
    AccountService accounts;

    /** What the test found, for the page. */
    public record Report(Verdict verdict, ConnectionCheck.Outcome imap, ConnectionCheck.Outcome smtp) {

        public boolean allGood() {
            return verdict == Verdict.TESTED && imap == ConnectionCheck.Outcome.OK && smtp == ConnectionCheck.Outcome.OK;
        }
    }

    /** Whether the servers were tried, or why not. */
    public enum Verdict {
        TESTED, WRONG_PASSWORD, ACCOUNT_LOCKED
    }

    @RolesAllowed({Roles.AGENT, Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN})
    public Report test(Agent agent, String password, String clientAddress) throws TooManyAttemptsException {
        Callers.requireSelf(context, agent.identifiant(), agent.academicAddress());
        if (agent.state() == AccountState.LOCKED) {
            return new Report(Verdict.ACCOUNT_LOCKED, null, null);
        }
        accounts.countLoginAttempt(agent.identifiant(), clientAddress, false);
        if (!directory.passwordMatches(agent, password)) {
            accounts.recordFailedLogin(agent.identifiant(), clientAddress);
            return new Report(Verdict.WRONG_PASSWORD, null, null);
        }
        accounts.recordRightPassword(agent.identifiant(), clientAddress);
        MailServers servers = settings.servers();
        ConnectionCheck check = new ConnectionCheck(settings.checkTimeout(), settings.trustedHosts());
        String login = servers.loginOf(agent.identifiant(), agent.academicAddress());
        return new Report(Verdict.TESTED, check.imap(servers.imap(), login, password), check.smtp(servers.smtp(), login, password));
    }
}
