package fr.sesame.account;

import fr.sesame.directory.AccountState;
import fr.sesame.directory.Agent;
import fr.sesame.directory.Directory;
import fr.sesame.directory.DirectoryUnavailableException;
import fr.sesame.school.School;
import fr.sesame.school.SchoolCatalog;
import fr.sesame.password.PasswordAge;
import fr.sesame.password.PasswordService;
import fr.sesame.security.AttemptLimiter;
import fr.sesame.security.AttemptLimiter.Guarded;
import fr.sesame.security.AuditEventType;
import fr.sesame.security.AuditTrail;
import fr.sesame.security.TooManyAttemptsException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Reads an agent's own account and decides whether a login may proceed. */
@Stateless
public class AccountService {

    @Inject
    Directory directory;

    @Inject
    SchoolCatalog schools;

    @Inject
    AuditTrail audit;

    @Inject
    AttemptLimiter limiter;

    @Inject
    PasswordService passwords;

    @Inject
    Clock clock;

    /**
     * The account of the logged-in agent, read from the directory (not from the login token), with the
     * name of their établissement.
     */
    public AccountSummary summaryOf(String identifiant) throws AccountNotFoundException {
        Agent agent = directory.findByLogin(identifiant).orElseThrow(() -> new AccountNotFoundException(identifiant));
        Optional<School> school = agent.uai().flatMap(schools::find);
        Optional<PasswordAge> age = passwords.ageOf(agent);
        Instant now = clock.instant();
        return new AccountSummary(
                agent.identifiant(),
                agent.displayName(),
                agent.academicAddress(),
                agent.uai(),
                school.map(School::name),
                school.map(School::city),
                agent.recoveryAddress(),
                agent.state(),
                age.map(PasswordAge::changedAt),
                age.map(PasswordAge::expiresAt),
                age.map(a -> a.daysLeft(now)),
                age.map(a -> a.isExpired(now)).orElse(false));
    }

    /**
     * Called once the directory has accepted the password: only an active account may come in.
     * Every outcome is written to the audit trail.
     */
    public LoginAdmission admit(String identifiant, String clientAddress) {
        Optional<Agent> agent;
        try {
            agent = directory.findByLogin(identifiant);
        } catch (DirectoryUnavailableException e) {
            audit.record(AuditEventType.LOGIN_REFUSED_ACCOUNT_STATE, identifiant, clientAddress, "directory unavailable");
            return LoginAdmission.DIRECTORY_UNAVAILABLE;
        }
        AccountState state = agent.map(Agent::state).orElse(AccountState.LOCKED);
        LoginAdmission admission = switch (state) {
            case ACTIVE -> LoginAdmission.ADMITTED;
            case PENDING -> LoginAdmission.REFUSED_PENDING;
            case LOCKED -> LoginAdmission.REFUSED_LOCKED;
        };
        if (admission == LoginAdmission.ADMITTED) {
            limiter.forget(Guarded.LOGIN, agent.get().identifiant());
            audit.record(AuditEventType.LOGIN_SUCCEEDED, identifiant, clientAddress, null);
            if (passwords.isExpired(agent.get())) {
                admission = LoginAdmission.PASSWORD_EXPIRED;
            }
        } else {
            audit.record(AuditEventType.LOGIN_REFUSED_ACCOUNT_STATE, identifiant, clientAddress, state.directoryValue());
        }
        return admission;
    }

    /**
     * Whether the directory answers now: after a refused login, tells "wrong password" apart from
     * "the directory is away" without saying anything about the account.
     */
    public boolean directoryAnswers() {
        try {
            directory.ping();
            return true;
        } catch (DirectoryUnavailableException e) {
            return false;
        }
    }

    /**
     * Refuses a login attempt while the account, or the client address, is locked out by too many
     * failures. Checked before the password is sent to the directory.
     */
    public void ensureLoginAllowed(String typedLogin, String clientAddress) throws TooManyAttemptsException {
        limiter.ensureAllowed(Guarded.LOGIN, lockKey(typedLogin), clientAddress);
    }

    /**
     * The directory refused the identifiant and password. Same record whether the identifiant exists or
     * not; the failure that locks the account is an audit event of its own.
     */
    public void recordFailedLogin(String typedLogin, String clientAddress) {
        String key = lockKey(typedLogin);
        audit.record(AuditEventType.LOGIN_FAILED, typedLogin, clientAddress, null);
        limiter.recordFailure(Guarded.LOGIN, key, clientAddress);
        limiter.lockedUntil(Guarded.LOGIN, key).ifPresent(until ->
                audit.record(AuditEventType.LOGIN_LOCKED_OUT, key, clientAddress, "until " + until));
    }

    /**
     * The identifiant behind what was typed, so that the identifiant and the academic address count
     * as one account for the limits on attempts (and the hotline finds the lock under the
     * identifiant); what was typed when the directory knows no such account (or is away).
     */
    public String lockKey(String typedLogin) {
        String typed = typedLogin == null ? "" : typedLogin.strip();
        try {
            return directory.findByLogin(typed).map(Agent::identifiant).orElse(typed);
        } catch (DirectoryUnavailableException e) {
            return typed;
        }
    }

    public void recordLogout(String identifiant, String clientAddress) {
        audit.record(AuditEventType.LOGOUT, identifiant, clientAddress, null);
    }
}
