package fr.sesame.account;

import fr.sesame.activation.Invitation;
import fr.sesame.activation.InvitationService;
import fr.sesame.activation.LinkStatus;
import fr.sesame.directory.AccountState;
import fr.sesame.directory.Agent;
import fr.sesame.directory.AgentSearch;
import fr.sesame.directory.AgentSearchPage;
import fr.sesame.directory.Directory;
import fr.sesame.mail.Outbox;
import fr.sesame.password.PasswordAge;
import fr.sesame.password.PasswordResetService;
import fr.sesame.password.PasswordService;
import fr.sesame.school.School;
import fr.sesame.school.SchoolCatalog;
import fr.sesame.school.Uai;
import fr.sesame.secondfactor.SecondFactorService;
import fr.sesame.security.AttemptLimiter;
import fr.sesame.security.AttemptLimiter.Guarded;
import fr.sesame.security.AuditEventType;
import fr.sesame.security.AuditTrail;
import fr.sesame.security.Roles;
import fr.sesame.security.SessionCutoffs;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The support's agent look-up: find an agent, see them whole, act on the account. The hotline, the RSSI
 * and the administrators see every agent and act; a référent reads their own school's agents only.
 * Every action is recorded with the staff member's identifiant, taken from the caller.
 */
@Stateless
@DeclareRoles({Roles.REFERENT, Roles.HOTLINE, Roles.RSSI, Roles.ADMIN})
public class AgentLookup {

    public static final int PAGE_SIZE = 20;
    /** Pages a search may go through; beyond, the staff member narrows the search. */
    public static final int MOST_PAGES = 10;

    private static final int MESSAGES_SHOWN = 10;
    private static final int EVENTS_SHOWN = 15;

    @Inject
    Directory directory;

    @Inject
    SchoolCatalog schools;

    @Inject
    PasswordService passwords;

    @Inject
    PasswordResetService resets;

    @Inject
    AttemptLimiter limiter;

    @Inject
    LockOuts lockOuts;

    @Inject
    InvitationService invitations;

    @Inject
    SecondFactorService secondFactors;

    @Inject
    SessionCutoffs sessions;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    fr.sesame.departure.Departures departures;

    @Resource
    SessionContext context;

    /**
     * One page of the agents the query finds, among those the caller may see. A NUMEN finds at most one
     * agent, compared by the directory.
     *
     * @param page from 0, at most {@link #MOST_PAGES} - 1
     */
    @RolesAllowed({Roles.REFERENT, Roles.HOTLINE, Roles.RSSI, Roles.ADMIN})
    public AgentSearchPage search(AgentQuery query, int page) {
        int wanted = Math.max(0, Math.min(page, MOST_PAGES - 1));
        if (!query.kind().isSearch()) {
            return new AgentSearchPage(List.of(), wanted, false);
        }
        Reach reach = reach();
        if (reach.nobody()) {
            return new AgentSearchPage(List.of(), wanted, false);
        }
        if (query.kind() == AgentQuery.Kind.NUMEN) {
            List<Agent> found = wanted > 0 ? List.of()
                    : directory.findByNumen(query.numen().get()).filter(reach::sees).map(List::of).orElse(List.of());
            return new AgentSearchPage(found, wanted, false);
        }
        return directory.search(new AgentSearch(query.words(), reach.school()), wanted, PAGE_SIZE);
    }

    /**
     * The agent whole.
     *
     * @throws AccountNotFoundException when the directory has no such agent (the hotline's case)
     * @throws OutsideSchoolException   when a référent asks for an agent not of their school, or unknown
     */
    @RolesAllowed({Roles.REFERENT, Roles.HOTLINE, Roles.RSSI, Roles.ADMIN})
    public AgentFile fileOf(String identifiant) throws AccountNotFoundException {
        Reach reach = reach();
        Optional<Agent> found = identifiant == null || identifiant.isBlank() ? Optional.empty()
                : directory.findByLogin(identifiant.strip());
        if (reach.school().isPresent() || reach.nobody()) {
            found = found.filter(reach::sees);
            if (found.isEmpty()) {
                throw new OutsideSchoolException();
            }
        }
        Agent agent = found.orElseThrow(() -> new AccountNotFoundException(identifiant));
        String id = agent.identifiant();
        Instant now = clock.instant();

        List<AgentFile.LockOut> locks = new ArrayList<>();
        for (Guarded guarded : Guarded.values()) {
            limiter.lockedUntil(guarded, id).ifPresent(until -> locks.add(new AgentFile.LockOut(guarded, until)));
        }
        Optional<Invitation> invitation = invitations.latestFor(id);
        Optional<LinkStatus> link = invitation.map(i -> LinkStatus.of(i, agent.isActive(), now));
        Optional<PasswordAge> age = agent.isActive() ? passwords.ageOf(agent) : Optional.empty();
        boolean expired = age.map(a -> a.isExpired(now)).orElse(false);
        return new AgentFile(
                id,
                agent.displayName(),
                agent.academicAddress(),
                agent.recoveryAddress(),
                agent.mobile(),
                agent.uai(),
                agent.uai().flatMap(schools::find).map(School::name),
                agent.state(),
                AccountStanding.of(agent.state(), link, expired, !locks.isEmpty()),
                age.map(PasswordAge::changedAt),
                age.map(PasswordAge::expiresAt),
                age.map(a -> a.daysLeft(now)),
                expired,
                locks,
                departures.of(id).map(fr.sesame.departure.Departure::endDate),
                invitation.map(i -> new AgentFile.InvitationSummary(i.createdAt(), i.expiresAt(), link.get())),
                secondFactors.statusForStaff(id),
                outbox.about(id, MESSAGES_SHOWN),
                audit.latestAbout(id, EVENTS_SHOWN),
                reach.acts());
    }

    /** A new invitation to the recovery address on file, for a pending agent. */
    @RolesAllowed({Roles.HOTLINE, Roles.RSSI, Roles.ADMIN})
    public StaffActionOutcome resendInvitation(String identifiant, boolean confirmed, String clientAddress)
            throws AccountNotFoundException {
        Agent agent = agent(identifiant);
        if (!confirmed) {
            return StaffActionOutcome.NOT_CONFIRMED;
        }
        if (agent.state() != AccountState.PENDING) {
            return StaffActionOutcome.NOT_PENDING;
        }
        if (agent.recoveryAddress().isEmpty()) {
            return StaffActionOutcome.NO_RECOVERY_ADDRESS;
        }
        return invitations.renewByStaff(agent.identifiant(), staff(), clientAddress)
                ? StaffActionOutcome.DONE : StaffActionOutcome.TOO_RECENT;
    }

    /** Forgets every failure counted against the agent: they may try again at once. */
    @RolesAllowed({Roles.HOTLINE, Roles.RSSI, Roles.ADMIN})
    public StaffActionOutcome liftLockOuts(String identifiant, boolean confirmed, String clientAddress)
            throws AccountNotFoundException {
        Agent agent = agent(identifiant);
        if (!confirmed) {
            return StaffActionOutcome.NOT_CONFIRMED;
        }
        lockOuts.lift(agent.identifiant(), staff(), clientAddress);
        return StaffActionOutcome.DONE;
    }

    /** A reset link to the recovery address on file (never to one typed by the staff member). */
    @RolesAllowed({Roles.HOTLINE, Roles.RSSI, Roles.ADMIN})
    public StaffActionOutcome sendResetLink(String identifiant, boolean confirmed, String clientAddress)
            throws AccountNotFoundException {
        Agent agent = agent(identifiant);
        if (!confirmed) {
            return StaffActionOutcome.NOT_CONFIRMED;
        }
        if (agent.state() != AccountState.ACTIVE) {
            return StaffActionOutcome.NOT_ACTIVE;
        }
        if (agent.recoveryAddress().isEmpty()) {
            return StaffActionOutcome.NO_RECOVERY_ADDRESS;
        }
        return resets.sendLinkByStaff(agent, staff(), clientAddress) ? StaffActionOutcome.DONE
                : StaffActionOutcome.NO_RECOVERY_ADDRESS;
    }

    /**
     * Locks an active account: nobody logs in, the agent's sessions end at once. A pending account is
     * not locked here: unlocking would make it active without its activation.
     */
    @RolesAllowed({Roles.HOTLINE, Roles.RSSI, Roles.ADMIN})
    public StaffActionOutcome lock(String identifiant, boolean confirmed, String clientAddress) throws AccountNotFoundException {
        Agent agent = agent(identifiant);
        if (!confirmed) {
            return StaffActionOutcome.NOT_CONFIRMED;
        }
        if (agent.state() != AccountState.ACTIVE) {
            return StaffActionOutcome.NOT_ACTIVE;
        }
        String by = staff();
        directory.lock(agent);
        sessions.endSessionsOf(agent.identifiant());
        audit.recordAction(AuditEventType.ACCOUNT_LOCKED, agent.identifiant(), by, clientAddress, "by " + by + " from the agent look-up");
        return StaffActionOutcome.DONE;
    }

    @RolesAllowed({Roles.HOTLINE, Roles.RSSI, Roles.ADMIN})
    public StaffActionOutcome unlock(String identifiant, boolean confirmed, String clientAddress) throws AccountNotFoundException {
        Agent agent = agent(identifiant);
        if (!confirmed) {
            return StaffActionOutcome.NOT_CONFIRMED;
        }
        if (agent.state() != AccountState.LOCKED) {
            return StaffActionOutcome.NOT_LOCKED;
        }
        String by = staff();
        directory.unlock(agent);
        audit.recordAction(AuditEventType.ACCOUNT_UNLOCKED, agent.identifiant(), by, clientAddress, "by " + by + " from the agent look-up");
        return StaffActionOutcome.DONE;
    }

    /**
     * Removes the agent's second factor (a lost phone), once the staff member ticked that they checked who
     * is calling; the agent is told by e-mail.
     */
    @RolesAllowed({Roles.HOTLINE, Roles.RSSI, Roles.ADMIN})
    public StaffActionOutcome resetSecondFactor(String identifiant, boolean identityChecked, String clientAddress)
            throws AccountNotFoundException {
        Agent agent = agent(identifiant);
        if (!identityChecked) {
            return StaffActionOutcome.NOT_CONFIRMED;
        }
        return secondFactors.resetByHotline(agent.identifiant(), staff(), clientAddress)
                ? StaffActionOutcome.DONE : StaffActionOutcome.NOTHING_TO_RESET;
    }

    private Agent agent(String identifiant) throws AccountNotFoundException {
        if (identifiant == null || identifiant.isBlank()) {
            throw new AccountNotFoundException(identifiant);
        }
        return directory.findByLogin(identifiant.strip()).orElseThrow(() -> new AccountNotFoundException(identifiant));
    }

    /** The staff member acting, as the container knows them: never a name the page would pass. */
    private String staff() {
        return context.getCallerPrincipal().getName();
    }

    /** Whom the caller may see: everyone (hotline, RSSI, administrators), or one school's agents (a référent). */
    private Reach reach() {
        if (context.isCallerInRole(Roles.HOTLINE) || context.isCallerInRole(Roles.RSSI) || context.isCallerInRole(Roles.ADMIN)) {
            return new Reach(true, Optional.empty(), true);
        }
        // A référent: their school is on their own directory entry, not in anything the page says.
        Optional<Uai> school = directory.findByLogin(staff()).flatMap(Agent::uai);
        return new Reach(false, school, school.isPresent());
    }

    /**
     * @param acts   whether the caller acts on accounts
     * @param school the one school the caller sees, when they see only one
     * @param any    false when the caller sees nobody (a référent without a school)
     */
    private record Reach(boolean acts, Optional<Uai> school, boolean any) {

        boolean nobody() {
            return !any;
        }

        boolean sees(Agent agent) {
            return any && (school.isEmpty() || agent.uai().equals(school));
        }
    }
}
