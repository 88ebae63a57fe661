package fr.sesame.account;

import fr.sesame.directory.AccountState;
import fr.sesame.directory.Agent;
import fr.sesame.directory.Directory;
import fr.sesame.directory.DirectoryUnavailableException;
import fr.sesame.school.School;
import fr.sesame.school.SchoolCatalog;
import fr.sesame.security.AuditEventType;
import fr.sesame.security.AuditTrail;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

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

    /**
     * The account of the logged-in agent, read from the directory (not from the login token), with the
     * name of their établissement.
     */
    public AccountSummary summaryOf(String identifiant) throws AccountNotFoundException {
        Agent agent = directory.findByLogin(identifiant).orElseThrow(() -> new AccountNotFoundException(identifiant));
        Optional<School> school = agent.uai().flatMap(schools::find);
        return new AccountSummary(
                agent.identifiant(),
                agent.displayName(),
                agent.academicAddress(),
                agent.uai(),
                school.map(School::name),
                school.map(School::city),
                agent.recoveryAddress(),
                agent.state(),
                agent.passwordChangedAt());
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
            audit.record(AuditEventType.LOGIN_SUCCEEDED, identifiant, clientAddress, null);
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

    /** The directory refused the identifiant and password. Same record whether the identifiant exists or not. */
    public void recordFailedLogin(String typedIdentifiant, String clientAddress) {
        audit.record(AuditEventType.LOGIN_FAILED, typedIdentifiant, clientAddress, null);
    }

    public void recordLogout(String identifiant, String clientAddress) {
        audit.record(AuditEventType.LOGOUT, identifiant, clientAddress, null);
    }
}
