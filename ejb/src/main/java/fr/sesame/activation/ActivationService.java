package fr.sesame.activation;

import fr.sesame.activation.ActivationRefusedException.Reason;
import fr.sesame.directory.AccountState;
import fr.sesame.directory.Agent;
import fr.sesame.directory.Directory;
import fr.sesame.directory.Numen;
import fr.sesame.mail.MailTemplates;
import fr.sesame.mail.MessageChannel;
import fr.sesame.mail.Outbox;
import fr.sesame.password.PasswordChangeRefusedException;
import fr.sesame.password.PasswordCheck;
import fr.sesame.password.PasswordContext;
import fr.sesame.password.PasswordPolicy;
import fr.sesame.password.PasswordService;
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

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The three steps of the activation: identifiant and NUMEN, a one-time code to the recovery address or
 * by SMS, then the password. Every step checks again what the previous ones established: the page
 * holds no proof, the database does.
 */
@Stateless
public class ActivationService {

    @PersistenceContext(unitName = "sesame")
    EntityManager em;

    @Inject
    RecoveryAddressChanges addressChanges;

    @Inject
    Directory directory;

    @Inject
    AttemptLimiter limiter;

    @Inject
    fr.sesame.device.DeviceSettings devices;

    @Inject
    Outbox outbox;

    @Inject
    MailTemplates templates;

    @Inject
    PasswordPolicy policy;

    @Inject
    PasswordService passwords;

    @Inject
    AuditTrail audit;

    @Inject
    InvitationService invitations;

    @Inject
    ActivationSettings settings;

    @Inject
    Clock clock;

    /** What an activation link is worth. */
    public LinkStatus checkLink(String token) {
        Optional<Invitation> invitation = invitations.byToken(token);
        if (invitation.isEmpty()) {
            return LinkStatus.UNKNOWN;
        }
        Invitation found = invitation.get();
        Optional<Agent> agent = directory.findByLogin(found.identifiant());
        return LinkStatus.of(found, agent.map(Agent::state).orElse(AccountState.PENDING) == AccountState.ACTIVE,
                clock.instant());
    }

    /**
     * Step 1: the identifiant (or the academic address) and the NUMEN.
     *
     * @throws ActivationRefusedException with one generic reason whether the identifiant exists or not;
     *                                    the other reasons only once the NUMEN matched
     */
    public ActivationCandidate identify(String login, String typedNumen, String clientAddress)
            throws ActivationRefusedException, TooManyAttemptsException {
        Numen numen = Numen.parse(typedNumen).orElseThrow(() -> new ActivationRefusedException(Reason.NUMEN_FORMAT, null));
        Optional<Agent> found = directory.findByLogin(login);
        // Counted for the account, whether it was named by its identifiant or its academic address.
        String account = found.map(Agent::identifiant).orElse(login);
        limiter.attempt(Guarded.NUMEN, account, clientAddress);
        if (found.isEmpty() || !directory.numenMatches(found.get(), numen)) {
            audit.recordRefusal(AuditEventType.ACTIVATION_NUMEN_REFUSED, found.map(Agent::identifiant).orElse(null), clientAddress,
                    found.isPresent() ? null : AuditTrail.UNKNOWN_ACCOUNT);
            throw new ActivationRefusedException(Reason.WRONG_PAIR, null);
        }
        limiter.succeeded(Guarded.NUMEN, account, clientAddress);
        Agent agent = found.get();
        switch (agent.state()) {
            case ACTIVE -> throw new ActivationRefusedException(Reason.ALREADY_ACTIVE, agent.identifiant());
            // A departed agent who never activated is told what a locked one is: see the référent or the hotline.
            case LOCKED, DEPARTED -> throw new ActivationRefusedException(Reason.LOCKED, agent.identifiant());
            case PENDING -> { }
        }
        Optional<Invitation> invitation = invitations.latestFor(agent.identifiant());
        if (invitation.isEmpty()) {
            throw new ActivationRefusedException(Reason.NO_INVITATION, agent.identifiant());
        }
        if (!invitation.get().isOpen(clock.instant())) {
            throw new ActivationRefusedException(Reason.INVITATION_EXPIRED, agent.identifiant());
        }
        Optional<String> mobile = agent.mobile().flatMap(MobileNumber::parse).map(MobileNumber::masked);
        Optional<String> email = agent.recoveryAddress().map(Masking::email);
        if (email.isEmpty() && mobile.isEmpty()) {
            throw new ActivationRefusedException(Reason.NO_CONTACT, agent.identifiant());
        }
        return new ActivationCandidate(agent.identifiant(), agent.displayName(), email.orElse(null), mobile.orElse(null));
    }

    /**
     * Step 2a: sends a new code (and cancels the previous one) by e-mail to the recovery address or by
     * SMS to the mobile on file. Never to an address typed on the page; a few an hour at most, so that
     * nobody floods an agent's phone.
     */
    public void sendCode(String identifiant, MessageChannel channel, String clientAddress)
            throws ActivationRefusedException, TooManyAttemptsException {
        Agent agent = pendingAgent(identifiant);
        limiter.attempt(Guarded.CODE_SENT, identifiant, clientAddress);
        Instant now = clock.instant();
        closeOpenCodes(identifiant, now);
        String code = SecretTokens.newSixDigitCode();
        Instant expiresAt = now.plus(settings.codeValidity());
        em.persist(new ActivationCode(identifiant, SecretTokens.hash(identifiant + ":" + code), channel, now, expiresAt));
        switch (channel) {
            case EMAIL -> outbox.email(agent.recoveryAddress()
                            .orElseThrow(() -> new ActivationRefusedException(Reason.NO_CONTACT, identifiant)),
                    templates.email("code", code, settings.codeValidityMinutes()), identifiant, expiresAt);
            case SMS -> outbox.sms(agent.mobile().flatMap(MobileNumber::parse).map(MobileNumber::e164)
                            .orElseThrow(() -> new ActivationRefusedException(Reason.NO_CONTACT, identifiant)),
                    templates.sms("code", code, settings.codeValidityMinutes()), identifiant, expiresAt);
        }
        audit.record(AuditEventType.ACTIVATION_CODE_SENT, identifiant, null, channel.name());
    }

    /** Step 2b: the code the agent received. */
    public CodeCheck verifyCode(String identifiant, String typedCode, String clientAddress) throws TooManyAttemptsException {
        limiter.attempt(Guarded.CODE, identifiant, clientAddress);
        Instant now = clock.instant();
        Optional<ActivationCode> latest = latestCode(identifiant).filter(code -> code.isUsable(now, settings.codeMaxTries()));
        if (latest.isEmpty()) {
            return new CodeCheck(CodeCheck.Outcome.EXPIRED, 0);
        }
        ActivationCode code = latest.get();
        String typed = typedCode == null ? "" : typedCode.replaceAll("\\s", "");
        if (typed.matches("\\d{6}") && SecretTokens.sameHash(code.codeHash(), SecretTokens.hash(identifiant + ":" + typed))) {
            // Verified once: the same code typed twice at the same instant verifies one of them.
            int verified = em.createQuery("update ActivationCode c set c.verifiedAt = :now where c.id = :id"
                            + " and c.verifiedAt is null and c.closedAt is null and c.failedTries < :max")
                    .setParameter("now", now).setParameter("id", code.id()).setParameter("max", settings.codeMaxTries())
                    .executeUpdate();
            if (verified == 0) {
                return new CodeCheck(CodeCheck.Outcome.EXPIRED, 0);
            }
            limiter.succeeded(Guarded.CODE, identifiant, clientAddress);
            return new CodeCheck(CodeCheck.Outcome.VERIFIED, 0);
        }
        audit.record(AuditEventType.ACTIVATION_CODE_REFUSED, identifiant, clientAddress, null);
        // One try less, counted by the database: parallel wrong codes use up the tries, never more.
        em.createQuery("update ActivationCode c set c.failedTries = c.failedTries + 1 where c.id = :id and c.failedTries < :max")
                .setParameter("id", code.id()).setParameter("max", settings.codeMaxTries())
                .executeUpdate();
        int tries = em.createQuery("select c.failedTries from ActivationCode c where c.id = :id", Integer.class)
                .setParameter("id", code.id()).getSingleResult();
        int left = Math.max(0, settings.codeMaxTries() - tries);
        if (left == 0) {
            em.createQuery("update ActivationCode c set c.closedAt = :now where c.id = :id and c.closedAt is null")
                    .setParameter("now", now).setParameter("id", code.id()).executeUpdate();
        }
        return new CodeCheck(left == 0 ? CodeCheck.Outcome.EXHAUSTED : CodeCheck.Outcome.WRONG, left);
    }

    /** The recovery address on file, shown in full only once the code is verified. */
    public Optional<String> recoveryAddressOf(String identifiant) throws ActivationRefusedException {
        requireVerifiedCode(identifiant);
        return pendingAgent(identifiant).recoveryAddress();
    }

    /** The policy's verdict on a candidate password, for the live feedback of step 3. */
    public PasswordCheck checkPassword(String identifiant, String candidate) {
        return policy.check(candidate, contextOf(directory.findByLogin(identifiant)));
    }

    /** How many minutes a code stays valid, for the page that says so. */
    public long codeValidityMinutes() {
        return settings.codeValidityMinutes();
    }

    public int passwordMinimumLength() {
        return policy.minimumLength();
    }

    /**
     * Step 3: sets the password and activates the account, then sends the welcome e-mail. The password
     * is written before the state, so that a directory failure in between leaves a pending account the
     * agent can finish again, never an active one without a password. A recovery address other than the
     * one on file waits for the link sent to it.
     *
     * @return whether a confirmation link went to the recovery address typed (it is not on file yet)
     */
    public boolean complete(String identifiant, String password, String confirmation, String recoveryAddress,
                         String clientAddress)
            throws ActivationRefusedException, PasswordChangeRefusedException, RecoveryAddressException {
        // The state first: a second click on "Activer" finds the account active, not a used code.
        Agent agent = pendingAgent(identifiant);
        ActivationCode code = requireVerifiedCode(identifiant);
        String typedRecovery = addressChanges.usable(agent, recoveryAddress, settings.mailDomain())
                .orElseThrow(RecoveryAddressException::new);
        // The address the code went to is proven; one typed here instead is confirmed by its own link
        // and until then the address on file stays (none, when the code came by SMS and none was on file).
        Optional<String> onFile = agent.recoveryAddress();
        boolean proven = onFile.filter(typedRecovery::equalsIgnoreCase).isPresent();
        String recovery = proven ? onFile.get() : onFile.orElse(null);
        // Sésame's rules before the code is used up; the directory's own come with the write.
        passwords.verify(agent, password, confirmation);
        Instant now = clock.instant();
        // The code is used up before anything is written: a second "Activer" sent at the same instant
        // waits for this one, then finds it used.
        int claimed = em.createQuery("update ActivationCode c set c.closedAt = :now where c.id = :id and c.closedAt is null")
                .setParameter("now", now).setParameter("id", code.id()).executeUpdate();
        if (claimed == 0) {
            throw new ActivationRefusedException(Reason.ALREADY_ACTIVE, identifiant);
        }
        passwords.setFirst(agent, password, confirmation);
        directory.activate(agent, recovery);
        if (!proven) {
            addressChanges.propose(agent, typedRecovery, clientAddress);
        }
        invitations.closeAllFor(identifiant, now);
        fr.sesame.device.MailServers servers = devices.servers();
        outbox.email(agent.academicAddress(), templates.email("welcome", agent.displayName(), agent.academicAddress(),
                identifiant, servers.imap().host(), String.valueOf(servers.imap().port()), servers.imap().security().label(),
                servers.smtp().host(), String.valueOf(servers.smtp().port()), settings.url("/appareils"),
                servers.smtp().security().label(), servers.loginOf(identifiant, agent.academicAddress())), identifiant);
        audit.record(AuditEventType.ACCOUNT_ACTIVATED, identifiant, clientAddress, null);
        return !proven;
    }

    /**
     * A new invitation for a pending agent whose link expired, sent to the recovery address on file.
     * Says nothing about the outcome: the page answers the same in every case.
     */
    public void renewExpiredInvitation(String token, String clientAddress) throws TooManyAttemptsException {
        limiter.attempt(Guarded.MAIL_REQUEST, null, clientAddress);
        invitations.byToken(token).filter(invitation -> limiter.withinLimit(Guarded.MAIL_REQUEST, invitation.identifiant()))
                .ifPresent(invitation -> invitations.renew(invitation.identifiant()));
    }

    /** The same, for an agent who passed step 1 (NUMEN verified) with an expired invitation. */
    public void renewInvitationFor(String identifiant, String clientAddress) throws TooManyAttemptsException {
        limiter.attempt(Guarded.MAIL_REQUEST, null, clientAddress);
        if (limiter.withinLimit(Guarded.MAIL_REQUEST, identifiant)) {
            invitations.renew(identifiant);
        }
    }

    private Agent pendingAgent(String identifiant) throws ActivationRefusedException {
        Agent agent = directory.findByLogin(identifiant).orElseThrow(() -> new ActivationRefusedException(Reason.WRONG_PAIR, null));
        if (agent.state() == AccountState.ACTIVE) {
            throw new ActivationRefusedException(Reason.ALREADY_ACTIVE, identifiant);
        }
        if (agent.state() == AccountState.LOCKED || agent.state() == AccountState.DEPARTED) {
            throw new ActivationRefusedException(Reason.LOCKED, identifiant);
        }
        return agent;
    }

    private ActivationCode requireVerifiedCode(String identifiant) throws ActivationRefusedException {
        Instant since = clock.instant().minus(settings.verifiedCodeValidity());
        return latestCode(identifiant).filter(code -> code.isVerifiedSince(since))
                .orElseThrow(() -> new ActivationRefusedException(Reason.WRONG_PAIR, null));
    }

    private Optional<ActivationCode> latestCode(String identifiant) {
        List<ActivationCode> codes = em.createQuery("select c from ActivationCode c where c.identifiant = :identifiant"
                        + " order by c.createdAt desc, c.id desc", ActivationCode.class)
                .setParameter("identifiant", identifiant)
                .setMaxResults(1)
                .getResultList();
        return codes.stream().findFirst();
    }

    private void closeOpenCodes(String identifiant, Instant now) {
        em.createQuery("select c from ActivationCode c where c.identifiant = :identifiant and c.closedAt is null", ActivationCode.class)
                .setParameter("identifiant", identifiant)
                .getResultList()
                .forEach(code -> code.close(now));
    }

    private static PasswordContext contextOf(Optional<Agent> agent) {
        return agent.map(a -> new PasswordContext(a.identifiant(), a.givenName(), a.surname()))
                .orElse(new PasswordContext(null, null, null));
    }
}
