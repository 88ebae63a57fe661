package fr.sesame.password;

import fr.sesame.security.SessionCutoffs;
import jakarta.ejb.SessionContext;
import jakarta.annotation.Resource;
import fr.sesame.security.Callers;
import fr.sesame.security.Roles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import fr.sesame.directory.Agent;
import fr.sesame.directory.Directory;
import fr.sesame.directory.PasswordRefusedByDirectoryException;
import fr.sesame.mail.MailTemplates;
import fr.sesame.mail.Outbox;
import fr.sesame.security.AttemptLimiter;
import fr.sesame.security.AttemptLimiter.Guarded;
import fr.sesame.security.AuditEventType;
import fr.sesame.security.AuditTrail;
import fr.sesame.security.TooManyAttemptsException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The only writer of passwords, whatever the path: the first password at activation, the change of
 * a logged-in agent, the forgotten-password link, the password the security officer imposes. One
 * place for the policy, the history, the directory write and its refusals, the ending of the agent's
 * other sessions, the notice and the audit, so that every path checks the same things.
 */
@Stateless
@PermitAll
@DeclareRoles({Roles.AGENT, Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN})
public class PasswordService {

    @PersistenceContext(unitName = "sesame")
    EntityManager em;

    @Inject
    Directory directory;

    @Inject
    PasswordPolicy policy;

    @Inject
    PasswordHistory history;

    @Inject
    PasswordSettings settings;

    @Inject
    AttemptLimiter limiter;

    @Inject
    Outbox outbox;

    @Inject
    MailTemplates templates;

    @Inject
    AuditTrail audit;

    @Inject
    SessionCutoffs sessions;

    @Inject
    Clock clock;

    @Resource
    SessionContext context;

    /** The policy's verdict while the password is typed (the history is checked on submission). */
    public PasswordCheck check(Agent agent, String candidate) {
        return policy.check(candidate, contextOf(agent));
    }

    public int minimumLength() {
        return policy.minimumLength();
    }

    /**
     * The change of a logged-in agent: the current password, checked by the directory, then the new
     * one twice. Wrong current passwords count like failed logins.
     *
     * @param login the login making the change (the session's key), which goes on
     * @return the instant the agent's sessions are valid from: every other one ends
     */
    @RolesAllowed({Roles.AGENT, Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN})
    public Instant change(String identifiant, String current, String password, String confirmation, String clientAddress,
                          String login) throws PasswordChangeRefusedException, TooManyAttemptsException {
        Callers.requireSelf(context, identifiant);
        Agent agent = directory.findByLogin(identifiant).orElseThrow(() ->
                new PasswordChangeRefusedException(List.of(), false, true));
        limiter.attempt(Guarded.LOGIN, agent.identifiant(), clientAddress);
        if (!directory.passwordMatches(agent, current)) {
            audit.recordRefusal(AuditEventType.PASSWORD_CHANGE_REFUSED, agent.identifiant(), clientAddress, "current password wrong");
            limiter.lockedUntil(Guarded.LOGIN, agent.identifiant()).ifPresent(until -> audit.recordRefusal(
                    AuditEventType.LOGIN_LOCKED_OUT, agent.identifiant(), clientAddress, "until " + until));
            throw new PasswordChangeRefusedException(List.of(), false, true);
        }
        limiter.succeeded(Guarded.LOGIN, agent.identifiant(), clientAddress);
        return replace(agent, password, confirmation, clientAddress, "change", login);
    }

    /**
     * Checks a new password against the policy and the agent's last passwords, then writes it to the
     * directory, keeps its hash and closes the agent's open forgotten-password links. The notice goes
     * to the academic and recovery addresses. Every portal session of the agent opened until now
     * ends. Runs in the caller's transaction.
     *
     * @param how "change", "reset": written in the audit trail
     * @param keptLogin the login that made the change and goes on (null when none does: a reset link)
     * @return the instant the agent's sessions are valid from
     */
    public Instant replace(Agent agent, String password, String confirmation, String clientAddress, String how,
                           String keptLogin) throws PasswordChangeRefusedException {
        verify(agent, password, confirmation);
        Instant now = clock.instant();
        write(agent, password);
        history.record(agent.identifiant(), password, now);
        closeResetLinks(agent.identifiant(), now);
        limiter.forget(Guarded.LOGIN, agent.identifiant());
        var notice = templates.email("password-changed", agent.displayName(), agent.academicAddress(),
                templates.dateTime(now), settings.url("/mot-de-passe-oublie"), settings.hotlinePhone(),
                settings.hotlineEmail());
        outbox.email(agent.academicAddress(), notice, agent.identifiant());
        agent.recoveryAddress().ifPresent(address -> outbox.email(address, notice, agent.identifiant()));
        audit.record(AuditEventType.PASSWORD_CHANGED, agent.identifiant(), clientAddress, how);
        return sessions.endSessionsOf(agent.identifiant(), keptLogin);
    }

    /**
     * The first password, chosen at activation: the policy, then the directory. The activation sends
     * its own welcome message. Runs in the caller's transaction, undone with it if the directory refuses.
     */
    public void setFirst(Agent agent, String password, String confirmation) throws PasswordChangeRefusedException {
        verify(agent, password, confirmation);
        write(agent, password);
        history.record(agent.identifiant(), password, clock.instant());
    }

    /**
     * A password nobody knows, imposed at once (the security officer's reset after a theft): whatever the
     * agent's phone or a thief holds stops working in the mail servers, and every portal session ends.
     * The agent chooses a new one through a reset link. Kept out of the history: nobody can reuse it.
     */
    public void impose(Agent agent, String clientAddress, String why) {
        String unknown = fr.sesame.security.SecretTokens.newLinkToken() + "aA1!";
        try {
            write(agent, unknown);
        } catch (PasswordChangeRefusedException e) {
            // A 43-character random password passes any policy; a directory that still refuses is broken.
            throw new fr.sesame.directory.DirectoryUnavailableException("The directory refused an imposed password", e);
        }
        sessions.endSessionsOf(agent.identifiant());
        audit.record(AuditEventType.PASSWORD_RESET_FORCED, agent.identifiant(), clientAddress, why);
    }

    /**
     * The directory write. Its own refusals (ppolicy) come back like Sésame's rules; like them, they undo
     * the caller's transaction: a used link or activation code is usable again.
     */
    private void write(Agent agent, String password) throws PasswordChangeRefusedException {
        try {
            directory.setPassword(agent, password);
        } catch (PasswordRefusedByDirectoryException e) {
            audit.recordRefusal(AuditEventType.PASSWORD_CHANGE_REFUSED, agent.identifiant(), null,
                    "directory: " + e.refusal());
            throw new PasswordChangeRefusedException(List.of(PasswordRule.of(e.refusal())), false, false);
        }
    }

    /**
     * Every reason to refuse the new password, the history included.
     *
     * @throws PasswordChangeRefusedException listing them all
     */
    public void verify(Agent agent, String password, String confirmation) throws PasswordChangeRefusedException {
        PasswordCheck check = policy.check(password, contextOf(agent));
        List<PasswordRule> broken = new ArrayList<>(check.broken());
        boolean differs = !Objects.equals(password, confirmation);
        // Only a password that passes every other rule is compared with the former ones: each costs a hash.
        if (broken.isEmpty() && history.isRecent(agent.identifiant(), password)) {
            broken.add(PasswordRule.RECENTLY_USED);
        }
        if (!broken.isEmpty() || differs) {
            throw new PasswordChangeRefusedException(broken, differs, false);
        }
    }

    /** How old the agent's password is, from the directory's date and Sésame's record; empty when unknown. */
    public Optional<PasswordAge> ageOf(Agent agent) {
        return PasswordAge.of(agent.passwordChangedAt(), history.lastChange(agent.identifiant()), settings.maxAge());
    }

    /** Whether the agent must change the password before anything else. */
    public boolean isExpired(Agent agent) {
        return ageOf(agent).map(age -> age.isExpired(clock.instant())).orElse(false);
    }

    private void closeResetLinks(String identifiant, Instant now) {
        em.createQuery("select r from PasswordReset r where r.identifiant = :identifiant and r.closedAt is null", PasswordReset.class)
                .setParameter("identifiant", identifiant)
                .getResultList()
                .forEach(reset -> reset.close(now));
    }

    static PasswordContext contextOf(Agent agent) {
        return agent == null ? new PasswordContext(null, null, null)
                : new PasswordContext(agent.identifiant(), agent.givenName(), agent.surname());
    }
}
