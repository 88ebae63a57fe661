package fr.sesame.password;

import fr.sesame.directory.AccountState;
import fr.sesame.directory.Agent;
import fr.sesame.directory.Directory;
import fr.sesame.directory.Numen;
import fr.sesame.mail.MailTemplates;
import fr.sesame.mail.Outbox;
import fr.sesame.security.AttemptLimiter;
import fr.sesame.security.AttemptLimiter.Guarded;
import fr.sesame.security.AuditEventType;
import fr.sesame.security.AuditTrail;
import fr.sesame.security.SecretTokens;
import fr.sesame.security.TooManyAttemptsException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The forgotten password, as the FAQ describes it: identifiant and NUMEN, a link to the recovery
 * address, a new password. The link carries 256 random bits of which only the hash is kept; it works
 * once, for {@code sesame.password.reset-validity-minutes}, and only while it is the agent's latest.
 */
@Stateless
public class PasswordResetService {

    /** The longest token a link can carry (43 characters of Base64): anything longer is not looked up. */
    private static final int MAX_TOKEN_LENGTH = 64;

    @PersistenceContext(unitName = "sesame")
    EntityManager em;

    @Inject
    Directory directory;

    @Inject
    PasswordService passwords;

    @Inject
    PasswordSettings settings;

    @Inject
    AttemptLimiter limiter;

    @Inject
    fr.sesame.account.AccountService accounts;

    @Inject
    Outbox outbox;

    @Inject
    MailTemplates templates;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /**
     * Steps 1 and 2: sends a link to the recovery address on file when the identifiant (or academic
     * address) and the NUMEN belong to one active account. Says the same otherwise.
     */
    public ResetRequestOutcome request(String login, String typedNumen, String clientAddress) throws TooManyAttemptsException {
        // Any request from one client address counts, matching or not: nobody floods mailboxes from one place.
        limiter.attempt(Guarded.MAIL_REQUEST, null, clientAddress);
        String key = accounts.lockKey(login);
        limiter.attempt(Guarded.RESET, key, clientAddress);
        Optional<Numen> numen = Numen.parse(typedNumen);
        Optional<Agent> found = numen.isEmpty() ? Optional.empty() : directory.findByLogin(login);
        if (found.isEmpty() || !directory.numenMatches(found.get(), numen.get())) {
            Optional<String> known = accounts.knownIdentifiant(login);
            audit.recordRefusal(AuditEventType.PASSWORD_RESET_REQUESTED, known.orElse(null), clientAddress,
                    known.isPresent() ? "no match" : AuditTrail.UNKNOWN_ACCOUNT);
            return ResetRequestOutcome.SENT_IF_MATCHING;
        }
        limiter.succeeded(Guarded.RESET, key, clientAddress);
        Agent agent = found.get();
        if (agent.state() != AccountState.ACTIVE) {
            // Pending: the activation is the way in; locked: only the hotline unlocks. Nothing is sent.
            audit.record(AuditEventType.PASSWORD_RESET_REQUESTED, agent.identifiant(), clientAddress, agent.state().directoryValue());
            return ResetRequestOutcome.SENT_IF_MATCHING;
        }
        if (agent.recoveryAddress().isEmpty()) {
            audit.record(AuditEventType.PASSWORD_RESET_REQUESTED, agent.identifiant(), clientAddress, "no recovery address");
            return ResetRequestOutcome.NO_RECOVERY_ADDRESS;
        }
        if (!limiter.withinLimit(Guarded.MAIL_REQUEST, agent.identifiant())) {
            // Enough links today: the page says the same, and the recovery mailbox is not flooded.
            audit.record(AuditEventType.PASSWORD_RESET_REQUESTED, agent.identifiant(), clientAddress, "daily limit reached, not sent");
            return ResetRequestOutcome.SENT_IF_MATCHING;
        }
        sendLinkTo(agent, clientAddress, "link sent");
        return ResetRequestOutcome.SENT_IF_MATCHING;
    }

    /**
     * Sends a new link to the agent's recovery address (and cancels the previous ones), for a request
     * already proven: the NUMEN, a logged-in security report, the RSSI.
     *
     * @return whether there was a recovery address to send it to
     */
    public boolean sendLinkTo(Agent agent, String clientAddress, String why) {
        if (!send(agent)) {
            return false;
        }
        audit.record(AuditEventType.PASSWORD_RESET_REQUESTED, agent.identifiant(), clientAddress, why);
        return true;
    }

    /**
     * The same, for a staff member with the agent on the phone (the agent look-up): always to the recovery
     * address on file, never to one the staff member would type; recorded with the staff member's
     * identifiant. Only an active account is sent one (a link refuses any other).
     *
     * @return whether a link left
     */
    public boolean sendLinkByStaff(Agent agent, String performedBy, String clientAddress) {
        if (agent.state() != AccountState.ACTIVE || !send(agent)) {
            return false;
        }
        audit.recordAction(AuditEventType.PASSWORD_RESET_LINK_SENT_BY_STAFF, agent.identifiant(), performedBy, clientAddress,
                "by " + performedBy);
        return true;
    }

    /** A new link to the recovery address on file, the previous ones cancelled; false when there is none. */
    private boolean send(Agent agent) {
        if (agent.recoveryAddress().isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        openLinks(agent.identifiant()).forEach(reset -> reset.close(now));
        String token = SecretTokens.newLinkToken();
        Instant expiresAt = now.plus(settings.resetValidity());
        em.persist(new PasswordReset(agent.identifiant(), SecretTokens.hash(token), now, expiresAt));
        String link = settings.url("/mot-de-passe-oublie?jeton=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        outbox.email(agent.recoveryAddress().get(), templates.email("password-reset", agent.displayName(),
                agent.academicAddress(), link, settings.resetValidityMinutes()), agent.identifiant(), expiresAt);
        return true;
    }

    /** What the link is worth, before the page asks for a password. */
    public ResetLinkStatus check(String token) {
        Optional<PasswordReset> reset = find(token);
        if (reset.isEmpty()) {
            return ResetLinkStatus.UNKNOWN;
        }
        ResetLinkStatus status = statusOf(reset.get());
        if (status == ResetLinkStatus.VALID && directory.findByLogin(reset.get().identifiant())
                .filter(agent -> agent.state() == AccountState.ACTIVE).isEmpty()) {
            return ResetLinkStatus.ACCOUNT_LOCKED;
        }
        return status;
    }

    /** The agent the link is for, to check the password as it is typed; empty unless the link is valid. */
    public Optional<Agent> agentOf(String token) {
        return find(token).filter(reset -> statusOf(reset) == ResetLinkStatus.VALID)
                .flatMap(reset -> directory.findByLogin(reset.identifiant()));
    }

    /**
     * Steps 4 and 5: the new password, through the link. The link is used up only when the password is
     * set; a refused password leaves it usable.
     *
     * @return the status that stopped it, or VALID when the password was set
     */
    public ResetLinkStatus complete(String token, String password, String confirmation, String clientAddress)
            throws PasswordChangeRefusedException {
        Optional<PasswordReset> found = find(token);
        if (found.isEmpty()) {
            return ResetLinkStatus.UNKNOWN;
        }
        PasswordReset reset = found.get();
        ResetLinkStatus status = statusOf(reset);
        if (status != ResetLinkStatus.VALID) {
            return status;
        }
        Optional<Agent> agent = directory.findByLogin(reset.identifiant()).filter(a -> a.state() == AccountState.ACTIVE);
        if (agent.isEmpty()) {
            return ResetLinkStatus.ACCOUNT_LOCKED;
        }
        passwords.verify(agent.get(), password, confirmation);
        // The link is used up before the password is written: the same link sent twice at the same
        // instant waits for the first, then finds it used.
        Instant now = clock.instant();
        int claimed = em.createQuery("update PasswordReset r set r.usedAt = :now, r.closedAt = :now"
                        + " where r.id = :id and r.usedAt is null and r.closedAt is null")
                .setParameter("now", now).setParameter("id", reset.id()).executeUpdate();
        if (claimed == 0) {
            return ResetLinkStatus.USED;
        }
        passwords.replace(agent.get(), password, confirmation, clientAddress, "reset", null);
        limiter.forget(Guarded.RESET, reset.identifiant());
        return ResetLinkStatus.VALID;
    }

    private ResetLinkStatus statusOf(PasswordReset reset) {
        if (reset.isUsed()) {
            return ResetLinkStatus.USED;
        }
        if (reset.isReplaced()) {
            return ResetLinkStatus.REPLACED;
        }
        return reset.isExpired(clock.instant()) ? ResetLinkStatus.EXPIRED : ResetLinkStatus.VALID;
    }

    private Optional<PasswordReset> find(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return em.createQuery("select r from PasswordReset r where r.tokenHash = :hash", PasswordReset.class)
                .setParameter("hash", SecretTokens.hash(token.strip()))
                .getResultList().stream().findFirst();
    }

    /** Every open link of the agent dies (the account closes): a link sent earlier opens nothing. */
    public int closeAllFor(String identifiant, Instant now) {
        List<PasswordReset> open = openLinks(identifiant);
        open.forEach(reset -> reset.close(now));
        return open.size();
    }

    private List<PasswordReset> openLinks(String identifiant) {
        return em.createQuery("select r from PasswordReset r where r.identifiant = :identifiant and r.closedAt is null",
                        PasswordReset.class)
                .setParameter("identifiant", identifiant)
                .getResultList();
    }
}
