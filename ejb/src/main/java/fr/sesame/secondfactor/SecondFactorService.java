package fr.sesame.secondfactor;

import fr.sesame.directory.Agent;
import fr.sesame.directory.Directory;
import fr.sesame.mail.MailTemplates;
import fr.sesame.mail.Outbox;
import fr.sesame.password.PasswordSettings;
import fr.sesame.security.AttemptLimiter;
import fr.sesame.security.AttemptLimiter.Guarded;
import fr.sesame.security.AuditEventType;
import fr.sesame.security.AuditTrail;
import fr.sesame.security.Callers;
import fr.sesame.security.NotTheCallerException;
import fr.sesame.security.Roles;
import fr.sesame.security.SecretTokens;
import fr.sesame.security.TooManyAttemptsException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The second factor of login. An agent enrols an authenticator app from "Mon compte" (staff must);
 * from then on a login asks for its code after the password. A code is accepted once (the step it was
 * accepted at is kept, and only later steps open), with one step of clock drift each way; wrong codes
 * count towards the account's lock-out with wrong passwords. Ten recovery codes, kept hashed, each open
 * one login without the phone; the hotline can reset the factor after checking who calls.
 */
@Stateless
@DeclareRoles({Roles.AGENT, Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN})
@RolesAllowed({Roles.AGENT, Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN})
public class SecondFactorService {

    /** How many recovery codes an enrolment gives. */
    public static final int RECOVERY_CODES = 10;
    /** Recovery codes: 12 characters of Crockford's Base32 (no I, L, O, U), 60 bits, shown in three groups. */
    private static final String RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int RECOVERY_LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The staff roles, for whom the second factor is required. */
    public static final List<String> STAFF_ROLES = List.of(Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN);

    @PersistenceContext(unitName = "sesame")
    EntityManager em;

    @Inject
    SecondFactorSeal seal;

    @Inject
    Directory directory;

    @Inject
    AttemptLimiter limiter;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    MailTemplates templates;

    @Inject
    PasswordSettings settings;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "sesame.academie.name")
    String academieName;

    @Inject
    @ConfigProperty(name = "sesame.second-factor.required-for-staff")
    boolean requiredForStaff;

    @Resource
    SessionContext context;

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(SecondFactorService.class.getName());

    private final TotpCodes codes = new TotpCodes();

    /** Whether this agent's logins ask for a code (an enrolment confirmed). */
    @PermitAll
    public boolean isEnabled(String identifiant) {
        SecondFactor factor = em.find(SecondFactor.class, identifiant);
        return factor != null && factor.isConfirmed();
    }

    /** Whether the staff must enrol before anything else (setting {@code sesame.second-factor.required-for-staff}). */
    @PermitAll
    public boolean isRequiredForStaff() {
        return requiredForStaff;
    }

    /**
     * An agent's second factor as the support sees it (the agent look-up): on or off, since when, how many
     * recovery codes are left; never the secret of an enrolment under way.
     */
    @RolesAllowed({Roles.REFERENT, Roles.HOTLINE, Roles.RSSI, Roles.ADMIN})
    public SecondFactorStatus statusForStaff(String identifiant) {
        SecondFactor factor = em.find(SecondFactor.class, identifiant);
        if (factor == null || !factor.isConfirmed()) {
            return new SecondFactorStatus(false, Optional.empty(), 0, Optional.empty());
        }
        return new SecondFactorStatus(true, Optional.of(factor.confirmedAt()), recoveryCodesLeft(identifiant), Optional.empty());
    }

    /** The caller's second factor, with the enrolment under way if any. */
    public SecondFactorStatus statusOf(String login) {
        Agent agent = self(login);
        String identifiant = agent.identifiant();
        SecondFactor factor = em.find(SecondFactor.class, identifiant);
        if (factor == null) {
            return new SecondFactorStatus(false, Optional.empty(), 0, Optional.empty());
        }
        if (!factor.isConfirmed()) {
            return new SecondFactorStatus(false, Optional.empty(), 0, Optional.of(enrolmentOf(factor, agent)));
        }
        return new SecondFactorStatus(true, Optional.of(factor.confirmedAt()), recoveryCodesLeft(identifiant), Optional.empty());
    }

    /** Starts (or starts again) an enrolment: a new secret, shown until a first code confirms it. */
    public SecondFactorStatus.Enrolment startEnrolment(String login) throws AlreadyEnabledException {
        Agent agent = self(login);
        SecondFactor existing = em.find(SecondFactor.class, agent.identifiant());
        if (existing != null && existing.isConfirmed()) {
            throw new AlreadyEnabledException();
        }
        if (existing != null) {
            em.remove(existing);
            em.flush();
        }
        String secret = TotpCodes.newSecret();
        SecondFactor factor = new SecondFactor(agent.identifiant(), seal.seal(secret, agent.identifiant()), clock.instant());
        em.persist(factor);
        return new SecondFactorStatus.Enrolment(secret, TotpCodes.uri(academieName, agent.academicAddress(), secret));
    }

    /**
     * Confirms the enrolment with the app's first code; the factor is on from now and this code is
     * used.
     *
     * @return the ten recovery codes, shown once
     */
    public List<String> confirmEnrolment(String login, String typed, String clientAddress)
            throws WrongCodeException, TooManyAttemptsException {
        Agent agent = self(login);
        String identifiant = agent.identifiant();
        limiter.attempt(Guarded.CODE, identifiant, clientAddress);
        SecondFactor factor = em.find(SecondFactor.class, identifiant);
        if (factor == null || factor.isConfirmed()) {
            throw new WrongCodeException();
        }
        long step = codes.matchingStep(seal.open(factor.sealedSecret(), identifiant), digits(typed), clock.instant(), -1);
        if (step < 0) {
            throw new WrongCodeException();
        }
        int confirmed = em.createQuery("update SecondFactor f set f.confirmedAt = :now, f.lastStep = :step"
                        + " where f.identifiant = :id and f.confirmedAt is null")
                .setParameter("now", clock.instant()).setParameter("step", step).setParameter("id", identifiant)
                .executeUpdate();
        if (confirmed == 0) {
            throw new WrongCodeException(); // confirmed meanwhile, by another click
        }
        limiter.succeeded(Guarded.CODE, identifiant, clientAddress);
        audit.record(AuditEventType.SECOND_FACTOR_ENABLED, identifiant, clientAddress, null);
        outbox.email(agent.academicAddress(), templates.email("second-factor-enabled", agent.displayName(),
                templates.dateTime(clock.instant()), settings.url("/compte/securite"), settings.hotlinePhone(),
                settings.hotlineEmail()), identifiant);
        return newRecoveryCodes(identifiant);
    }

    /**
     * The code step of a login, after the right password. Counted like a password: the account's
     * lock-out, or (once this login solved the challenge) the client address alone.
     */
    @PermitAll
    public LoginCodeOutcome verifyAtLogin(String login, String typed, String clientAddress, boolean challengeSolved)
            throws TooManyAttemptsException {
        Agent agent = self(login);
        String identifiant = agent.identifiant();
        try {
            limiter.attempt(Guarded.LOGIN, identifiant, clientAddress);
        } catch (TooManyAttemptsException e) {
            if (!e.bySubject() || !challengeSolved) {
                throw e;
            }
            limiter.attempt(Guarded.LOGIN, null, clientAddress);
        }
        SecondFactor factor = em.find(SecondFactor.class, identifiant);
        LoginCodeOutcome outcome = LoginCodeOutcome.REFUSED;
        if (factor != null && factor.isConfirmed()) {
            // Crockford's reading: O is 0, I and L are 1, whatever the case.
            String cleaned = typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT)
                    .replace('O', '0').replace('I', '1').replace('L', '1');
            if (cleaned.matches("\\d{" + TotpCodes.DIGITS + "}")) {
                outcome = acceptAppCode(factor, cleaned) ? LoginCodeOutcome.ACCEPTED : LoginCodeOutcome.REFUSED;
            } else if (cleaned.length() == RECOVERY_LENGTH && useRecoveryCode(identifiant, cleaned)) {
                outcome = LoginCodeOutcome.RECOVERY_CODE_ACCEPTED;
            }
        }
        switch (outcome) {
            case ACCEPTED, RECOVERY_CODE_ACCEPTED -> {
                limiter.succeeded(Guarded.LOGIN, identifiant, clientAddress);
                if (outcome == LoginCodeOutcome.RECOVERY_CODE_ACCEPTED) {
                    audit.record(AuditEventType.SECOND_FACTOR_RECOVERY_CODE_USED, identifiant, clientAddress,
                            recoveryCodesLeft(identifiant) + " left");
                }
                audit.record(AuditEventType.LOGIN_SUCCEEDED, identifiant, clientAddress, "second factor");
            }
            case REFUSED -> {
                audit.record(AuditEventType.SECOND_FACTOR_CODE_REFUSED, identifiant, clientAddress, null);
                limiter.lockedUntil(Guarded.LOGIN, identifiant).ifPresent(until ->
                        audit.record(AuditEventType.LOGIN_LOCKED_OUT, identifiant, clientAddress, "until " + until));
            }
        }
        return outcome;
    }

    /** Whether the account's failures (passwords and codes) have reached the limit: the code step ends. */
    @PermitAll
    public boolean loginLockedOut(String login) {
        return limiter.lockedUntil(Guarded.LOGIN, self(login).identifiant()).isPresent();
    }

    /** How many recovery codes are left. */
    public int recoveryCodesLeft(String identifiant) {
        return em.createQuery("select count(r) from RecoveryCode r where r.identifiant = :id and r.usedAt is null", Long.class)
                .setParameter("id", identifiant).getSingleResult().intValue();
    }

    /** Ten new recovery codes (the old ones stop working), for an agent who proves they hold the phone. */
    public List<String> renewRecoveryCodes(String login, String typed, String clientAddress)
            throws WrongCodeException, TooManyAttemptsException {
        String identifiant = requireCurrentCode(login, typed, clientAddress);
        audit.record(AuditEventType.SECOND_FACTOR_RECOVERY_CODES_RENEWED, identifiant, clientAddress, null);
        return newRecoveryCodes(identifiant);
    }

    /**
     * The agent turns the second factor off, with a current code. Staff cannot: it is required for them.
     *
     * @throws NotTheCallerException when the caller holds a staff role and the factor is required
     */
    public void turnOff(String login, String typed, String clientAddress) throws WrongCodeException, TooManyAttemptsException {
        if (requiredForStaff && STAFF_ROLES.stream().anyMatch(context::isCallerInRole)) {
            throw new NotTheCallerException("The second factor is required for staff");
        }
        String identifiant = requireCurrentCode(login, typed, clientAddress);
        remove(identifiant);
        audit.record(AuditEventType.SECOND_FACTOR_RESET, identifiant, clientAddress, "turned off by the agent");
    }

    /** After a lost-device report by the agent (logged in): the factor is removed, to enrol again. */
    public boolean resetAfterLostDevice(String login, String clientAddress) {
        Agent agent = self(login);
        if (!remove(agent.identifiant())) {
            return false;
        }
        audit.record(AuditEventType.SECOND_FACTOR_RESET, agent.identifiant(), clientAddress, "lost-device report");
        notifyReset(agent);
        return true;
    }

    /**
     * The hotline resets an agent's second factor after checking who calls: the next login asks for the
     * password only (or for a new enrolment, for staff).
     *
     * @param by the hotline member, for the audit trail
     * @return whether the agent had one
     */
    @RolesAllowed({Roles.HOTLINE, Roles.RSSI, Roles.ADMIN})
    public boolean resetByHotline(String login, String by, String clientAddress) {
        Optional<Agent> agent = directory.findByLogin(login);
        if (agent.isEmpty() || !remove(agent.get().identifiant())) {
            return false;
        }
        audit.recordAction(AuditEventType.SECOND_FACTOR_RESET, agent.get().identifiant(), by, clientAddress, "by " + by + " after identity check");
        notifyReset(agent.get());
        return true;
    }

    private void notifyReset(Agent agent) {
        outbox.email(agent.academicAddress(), templates.email("second-factor-reset", agent.displayName(),
                templates.dateTime(clock.instant()), settings.url("/compte/securite"), settings.hotlinePhone(),
                settings.hotlineEmail()), agent.identifiant());
    }

    private String requireCurrentCode(String login, String typed, String clientAddress)
            throws WrongCodeException, TooManyAttemptsException {
        String identifiant = self(login).identifiant();
        limiter.attempt(Guarded.CODE, identifiant, clientAddress);
        SecondFactor factor = em.find(SecondFactor.class, identifiant);
        if (factor == null || !factor.isConfirmed() || !acceptAppCode(factor, digits(typed))) {
            audit.record(AuditEventType.SECOND_FACTOR_CODE_REFUSED, identifiant, clientAddress, null);
            throw new WrongCodeException();
        }
        limiter.succeeded(Guarded.CODE, identifiant, clientAddress);
        return identifiant;
    }

    /** The code of a step later than the last accepted one: that step becomes the last, in one update. */
    private boolean acceptAppCode(SecondFactor factor, String typed) {
        String secret;
        try {
            secret = seal.open(factor.sealedSecret(), factor.identifiant());
        } catch (IllegalStateException e) {
            // Sealed with another key (sesame.second-factor.key changed): no app code opens, recovery codes still do.
            LOG.warning("The second factor of " + factor.identifiant() + " does not open with this key: reset it");
            return false;
        }
        long step = codes.matchingStep(secret, typed, clock.instant(), factor.lastStep());
        if (step < 0) {
            return false;
        }
        // Two logins sending the same code at once: the database lets one of them move the step.
        return em.createQuery("update SecondFactor f set f.lastStep = :step where f.identifiant = :id and f.lastStep < :step")
                .setParameter("step", step).setParameter("id", factor.identifiant()).executeUpdate() == 1;
    }

    private boolean useRecoveryCode(String identifiant, String cleaned) {
        return em.createQuery("update RecoveryCode r set r.usedAt = :now where r.identifiant = :id"
                        + " and r.codeHash = :hash and r.usedAt is null")
                .setParameter("now", clock.instant()).setParameter("id", identifiant)
                .setParameter("hash", recoveryHash(identifiant, cleaned)).executeUpdate() == 1;
    }

    private List<String> newRecoveryCodes(String identifiant) {
        em.createQuery("delete from RecoveryCode r where r.identifiant = :id").setParameter("id", identifiant).executeUpdate();
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < RECOVERY_LENGTH; c++) {
                code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
            }
            em.persist(new RecoveryCode(identifiant, recoveryHash(identifiant, code.toString())));
            shown.add(code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8));
        }
        return shown;
    }

    private boolean remove(String identifiant) {
        em.createQuery("delete from RecoveryCode r where r.identifiant = :id").setParameter("id", identifiant).executeUpdate();
        return em.createQuery("delete from SecondFactor f where f.identifiant = :id").setParameter("id", identifiant)
                .executeUpdate() > 0;
    }

    private static String recoveryHash(String identifiant, String cleaned) {
        return SecretTokens.hash(identifiant + ":recovery:" + cleaned);
    }

    private SecondFactorStatus.Enrolment enrolmentOf(SecondFactor factor, Agent agent) {
        String secret = seal.open(factor.sealedSecret(), factor.identifiant());
        return new SecondFactorStatus.Enrolment(secret, TotpCodes.uri(academieName, agent.academicAddress(), secret));
    }

    private static String digits(String typed) {
        return typed == null ? "" : typed.replaceAll("\\s", "");
    }

    /** The caller's own entry. */
    private Agent self(String login) {
        Callers.requireSelf(context, login);
        return directory.findByLogin(login).orElseThrow(() -> new NotTheCallerException("No such account"));
    }
}
