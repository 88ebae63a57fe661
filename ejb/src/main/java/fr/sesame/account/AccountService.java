package fr.sesame.account;

import jakarta.ejb.SessionContext;
import jakarta.annotation.Resource;
import fr.sesame.security.Callers;
import fr.sesame.security.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import fr.sesame.directory.AccountState;
import fr.sesame.directory.Agent;
import fr.sesame.directory.Directory;
import fr.sesame.directory.DirectoryUnavailableException;
import fr.sesame.school.School;
import fr.sesame.school.SchoolCatalog;
import fr.sesame.password.PasswordAge;
import fr.sesame.password.PasswordService;
import fr.sesame.secondfactor.SecondFactorService;
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
@PermitAll
@DeclareRoles({Roles.AGENT, Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN})
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
    SecondFactorService secondFactors;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    /**
     * The account of the logged-in agent, read from the directory (not from the login token), with the
     * name of their établissement.
     */
    @RolesAllowed({Roles.AGENT, Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN})
    public AccountSummary summaryOf(String identifiant) throws AccountNotFoundException {
        Callers.requireSelf(context, identifiant);
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
    public Admission admit(String identifiant, String clientAddress) {
        Optional<Agent> agent;
        try {
            agent = directory.findByLogin(identifiant);
        } catch (DirectoryUnavailableException e) {
            audit.record(AuditEventType.LOGIN_REFUSED_ACCOUNT_STATE, identifiant, clientAddress, "directory unavailable");
            return new Admission(LoginAdmission.DIRECTORY_UNAVAILABLE, null, false, false);
        }
        AccountState state = agent.map(Agent::state).orElse(AccountState.LOCKED);
        LoginAdmission admission = switch (state) {
            case ACTIVE -> LoginAdmission.ADMITTED;
            case PENDING -> LoginAdmission.REFUSED_PENDING;
            case LOCKED -> LoginAdmission.REFUSED_LOCKED;
            case DEPARTED -> LoginAdmission.REFUSED_DEPARTED;
        };
        boolean codeNeeded = false;
        boolean enrolmentNeeded = false;
        if (admission == LoginAdmission.ADMITTED) {
            codeNeeded = secondFactors.isEnabled(agent.get().identifiant());
            // Staff enrol before anything else when the second factor is required for them.
            enrolmentNeeded = !codeNeeded && secondFactors.isRequiredForStaff()
                    && SecondFactorService.STAFF_ROLES.stream().anyMatch(context::isCallerInRole);
            if (codeNeeded) {
                // The attempt stays counted until the code step: wrong codes add to wrong passwords.
                audit.record(AuditEventType.LOGIN_PASSWORD_ACCEPTED, identifiant, clientAddress, null);
            } else {
                limiter.succeeded(Guarded.LOGIN, agent.get().identifiant(), clientAddress);
                audit.record(AuditEventType.LOGIN_SUCCEEDED, identifiant, clientAddress, null);
            }
            if (passwords.isExpired(agent.get())) {
                admission = LoginAdmission.PASSWORD_EXPIRED;
            }
        } else {
            audit.record(AuditEventType.LOGIN_REFUSED_ACCOUNT_STATE, identifiant, clientAddress, state.directoryValue());
        }
        return new Admission(admission, agent.map(Agent::identifiant).orElse(null), codeNeeded, enrolmentNeeded);
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
     * Counts a login attempt before the password is sent to the directory, or refuses it while the
     * client address is refused, or the account has failed too often and no challenge was solved. A
     * stranger typing wrong passwords cannot keep an agent out: past the account's limit, the right
     * password still opens it with the challenge solved.
     *
     * @param challengeSolved whether the login form's challenge ({@link Challenges}) was solved
     * @throws TooManyAttemptsException {@link TooManyAttemptsException#bySubject()} when the account
     *                                  asks for the challenge
     */
    public void countLoginAttempt(String typedLogin, String clientAddress, boolean challengeSolved) throws TooManyAttemptsException {
        try {
            limiter.attempt(Guarded.LOGIN, lockKey(typedLogin), clientAddress);
        } catch (TooManyAttemptsException e) {
            if (!e.bySubject() || !challengeSolved) {
                throw e;
            }
            limiter.attempt(Guarded.LOGIN, null, clientAddress);
        }
    }

    /** The password was right where a password was asked for: the attempt counted for it is given back. */
    public void recordRightPassword(String identifiant, String clientAddress) {
        limiter.succeeded(Guarded.LOGIN, identifiant, clientAddress);
    }

    /** Whether the next login of this account asks for the challenge (too many failures lately). */
    /**
     * After a refused login: whether the directory refused it only because the password has expired
     * (ppolicy's pwdMaxAge), the password itself being right. The directory is asked with the password
     * policy control, and only for an account whose password is past its age (Sésame's reading of
     * pwdChangedTime): a wrong password is not tried a second time, which would count twice in the
     * directory's own lock-out.
     */
    public boolean passwordExpiredAtDirectory(String typedLogin, String password) {
        return directory.findByLogin(typedLogin)
                .filter(agent -> agent.state() == fr.sesame.directory.AccountState.ACTIVE)
                .filter(passwords::isExpired)
                .map(agent -> directory.passwordExpired(agent, password))
                .orElse(false);
    }

    public boolean loginNeedsChallenge(String typedLogin) {
        return limiter.lockedUntil(Guarded.LOGIN, lockKey(typedLogin)).isPresent();
    }

    /**
     * The directory refused the identifiant and password (the attempt was counted before). Same record
     * whether the identifiant exists or not; the failure that reaches the limit is an audit event of its
     * own.
     */
    public void recordFailedLogin(String typedLogin, String clientAddress) {
        Optional<String> known = knownIdentifiant(typedLogin);
        // What was typed goes to the trail only when it names an account: a password typed in the
        // identifiant field must not end up there.
        audit.record(AuditEventType.LOGIN_FAILED, known.orElse(null), clientAddress, known.isPresent() ? null : AuditTrail.UNKNOWN_ACCOUNT);
        known.flatMap(identifiant -> limiter.lockedUntil(Guarded.LOGIN, identifiant)).ifPresent(until ->
                audit.record(AuditEventType.LOGIN_LOCKED_OUT, known.get(), clientAddress, "until " + until));
    }

    /** The identifiant of the account behind what was typed (identifiant or academic address), if any. */
    public Optional<String> knownIdentifiant(String typedLogin) {
        String typed = typed(typedLogin);
        if (typed.isEmpty()) {
            return Optional.empty();
        }
        try {
            return directory.findByLogin(typed).map(Agent::identifiant);
        } catch (DirectoryUnavailableException e) {
            return Optional.empty();
        }
    }

    private static String typed(String typedLogin) {
        return typedLogin == null ? "" : typedLogin.strip();
    }

    /**
     * The identifiant behind what was typed, so that the identifiant and the academic address count
     * as one account for the limits on attempts (and the hotline finds the lock under the
     * identifiant); what was typed when the directory knows no such account (or is away).
     */
    public String lockKey(String typedLogin) {
        return knownIdentifiant(typedLogin).orElse(typed(typedLogin));
    }

    public void recordLogout(String identifiant, String clientAddress) {
        audit.record(AuditEventType.LOGOUT, identifiant, clientAddress, null);
    }
}
