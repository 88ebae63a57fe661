package fr.sesame.activation;

import fr.sesame.admin.Assignment;
import fr.sesame.departure.Departures;
import fr.sesame.directory.Agent;
import fr.sesame.directory.Directory;
import fr.sesame.directory.IdentifiantTakenException;
import fr.sesame.directory.NewAgent;
import fr.sesame.mail.MailTemplates;
import fr.sesame.mail.Outbox;
import fr.sesame.security.AuditEventType;
import fr.sesame.security.AuditTrail;
import fr.sesame.security.SecretTokens;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Invitations: a pending directory entry for each new agent of the HR file, with an identifiant and an
 * academic address built from the names, and an e-mail with the activation link. The NUMEN is the
 * key: importing the same line again changes nothing and sends nothing.
 */
@Stateless
public class InvitationService {

    /** A renewal asked again within this time sends nothing more. */
    private static final Duration RENEWAL_PAUSE = Duration.ofMinutes(5);

    @PersistenceContext(unitName = "sesame")
    EntityManager em;

    @Inject
    Directory directory;

    @Inject
    Outbox outbox;

    @Inject
    MailTemplates templates;

    @Inject
    AuditTrail audit;

    @Inject
    ActivationSettings settings;

    @Inject
    Clock clock;

    @Inject
    Departures departures;

    /** What one import chunk did: each line's outcome, in order, and how many departures it recorded or changed. */
    public record Chunk(List<InvitationOutcome> outcomes, int departures) {
    }

    /** Homonyms tried in an import chunk's one search; a line that needs more goes the long way. */
    private static final int NUMBERS_ASKED_AT_ONCE = 3;

    /**
     * Handles the accepted lines of one import chunk (the NUMEN is the key: a known agent is left alone,
     * a pending one never invited is invited, a new one gets an entry and an invitation), with the directory
     * asked once for the chunk (its NUMENs, then the identifiants and addresses the new agents would
     * take) and the new entries joining the agents' group in one change: an import costs about one
     * directory operation per line, the add itself.
     *
     * <p>The end date of each line is recorded too ({@link Departures}): a new agent with one, or an active
     * agent whose last day the file gives, moves or removes. A new agent whose last day is already over gets
     * no account.
     *
     * @return the outcome of each line, in order, and the departures recorded
     */
    public Chunk inviteAll(List<Assignment> assignments, Long importRunId) {
        java.util.Map<String, Agent> known = directory.findByNumens(assignments.stream().map(Assignment::numen).toList());
        java.util.Set<String> withInvitation = identifiantsWithAnInvitation(known.values().stream()
                .filter(agent -> agent.state() == fr.sesame.directory.AccountState.PENDING).map(Agent::identifiant).toList());

        java.util.Set<String> identifiants = new java.util.LinkedHashSet<>();
        java.util.Set<String> addresses = new java.util.LinkedHashSet<>();
        for (Assignment assignment : assignments) {
            if (!known.containsKey(assignment.numen().value())) {
                for (int number = 1; number <= NUMBERS_ASKED_AT_ONCE; number++) {
                    identifiants.add(AgentNaming.numbered(AgentNaming.identifiant(assignment.givenName(), assignment.surname()), number));
                    addresses.add(AgentNaming.numbered(AgentNaming.addressLocalPart(assignment.givenName(), assignment.surname()),
                            number) + "@" + settings.mailDomain());
                }
            }
        }
        java.util.Set<String> taken = new java.util.HashSet<>(directory.takenAmong(identifiants, addresses));

        List<InvitationOutcome> outcomes = new java.util.ArrayList<>(assignments.size());
        List<Agent> joining = new java.util.ArrayList<>();
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(settings.zone()));
        int departed = 0;
        for (Assignment assignment : assignments) {
            Agent agent = known.get(assignment.numen().value());
            if (agent != null) {
                boolean departureChanged = departures.record(agent, assignment.endDate(), importRunId);
                departed += departureChanged ? 1 : 0;
                InvitationOutcome outcome = switch (agent.state()) {
                    case ACTIVE -> departureChanged ? InvitationOutcome.DEPARTURE_RECORDED : InvitationOutcome.ALREADY_ACTIVE;
                    case LOCKED -> InvitationOutcome.ACCOUNT_LOCKED;
                    case DEPARTED -> InvitationOutcome.ACCOUNT_CLOSED;
                    case PENDING -> withInvitation.contains(agent.identifiant()) ? InvitationOutcome.ALREADY_INVITED : null;
                };
                if (outcome == null) {
                    // Added by an earlier import that failed before its invitation: invited now, in the group for sure.
                    sendInvitation(agent, importRunId, Optional.of(assignment.startDate()));
                    withInvitation.add(agent.identifiant());
                    joining.add(agent);
                    outcome = InvitationOutcome.INVITED;
                }
                outcomes.add(outcome);
                continue;
            }
            if (assignment.endDate().filter(end -> end.isBefore(today)).isPresent()) {
                outcomes.add(InvitationOutcome.ALREADY_ENDED);
                continue;
            }
            Optional<Agent> created = createEntryAmong(assignment, taken);
            if (created.isEmpty()) {
                outcomes.add(InvitationOutcome.NO_FREE_IDENTIFIANT);
                continue;
            }
            departed += departures.record(created.get(), assignment.endDate(), importRunId) ? 1 : 0;
            known.put(assignment.numen().value(), created.get()); // the same NUMEN twice in a chunk: invited once
            withInvitation.add(created.get().identifiant());
            joining.add(created.get());
            sendInvitation(created.get(), importRunId, Optional.of(assignment.startDate()));
            outcomes.add(InvitationOutcome.INVITED);
        }
        directory.joinAgentsGroup(joining);
        return new Chunk(outcomes, departed);
    }

    /** The first free identifiant and address among those the chunk's search knows; the long way beyond. */
    private Optional<Agent> createEntryAmong(Assignment assignment, java.util.Set<String> taken) {
        String baseIdentifiant = AgentNaming.identifiant(assignment.givenName(), assignment.surname());
        String baseLocalPart = AgentNaming.addressLocalPart(assignment.givenName(), assignment.surname());
        String identifiant = null;
        String address = null;
        for (int number = 1; number <= NUMBERS_ASKED_AT_ONCE && (identifiant == null || address == null); number++) {
            String candidate = AgentNaming.numbered(baseIdentifiant, number);
            if (identifiant == null && !taken.contains(candidate.toLowerCase(java.util.Locale.ROOT))) {
                identifiant = candidate;
            }
            String candidateAddress = AgentNaming.numbered(baseLocalPart, number) + "@" + settings.mailDomain();
            if (address == null && !taken.contains(candidateAddress.toLowerCase(java.util.Locale.ROOT))) {
                address = candidateAddress;
            }
        }
        Optional<Agent> created = Optional.empty();
        if (identifiant != null && address != null) {
            try {
                created = Optional.of(directory.addPendingAgent(new NewAgent(identifiant, assignment.givenName(),
                        assignment.surname(), address, assignment.numen(), assignment.uai(),
                        assignment.recoveryAddress(), assignment.mobile().map(MobileNumber::display))));
            } catch (IdentifiantTakenException e) {
                // taken since the search (another import?): the long way below
            }
        }
        if (created.isEmpty()) {
            created = createEntry(assignment); // one search per number tried
        }
        created.ifPresent(agent -> {
            taken.add(agent.identifiant().toLowerCase(java.util.Locale.ROOT));
            taken.add(agent.academicAddress().toLowerCase(java.util.Locale.ROOT));
        });
        return created;
    }

    private java.util.Set<String> identifiantsWithAnInvitation(List<String> identifiants) {
        if (identifiants.isEmpty()) {
            return new java.util.HashSet<>();
        }
        return new java.util.HashSet<>(em.createQuery("select distinct i.identifiant from Invitation i where i.identifiant in :identifiants",
                        String.class)
                .setParameter("identifiants", identifiants)
                .getResultList());
    }

    /** The long way for one new agent: one search per number tried, up to the homonyms' limit. */
    private Optional<Agent> createEntry(Assignment assignment) {
        String baseIdentifiant = AgentNaming.identifiant(assignment.givenName(), assignment.surname());
        String baseLocalPart = AgentNaming.addressLocalPart(assignment.givenName(), assignment.surname());
        int identifiantNumber = 1;
        int addressNumber = 1;
        while (identifiantNumber <= AgentNaming.MAX_HOMONYMS && addressNumber <= AgentNaming.MAX_HOMONYMS) {
            String identifiant = AgentNaming.numbered(baseIdentifiant, identifiantNumber);
            if (directory.isIdentifiantTaken(identifiant)) {
                identifiantNumber++;
                continue;
            }
            String address = AgentNaming.numbered(baseLocalPart, addressNumber) + "@" + settings.mailDomain();
            if (directory.isAddressTaken(address)) {
                addressNumber++;
                continue;
            }
            try {
                return Optional.of(directory.addPendingAgent(new NewAgent(identifiant, assignment.givenName(),
                        assignment.surname(), address, assignment.numen(), assignment.uai(),
                        assignment.recoveryAddress(), assignment.mobile().map(MobileNumber::display))));
            } catch (IdentifiantTakenException e) {
                identifiantNumber++; // taken between the check and the add: try the next number
            }
        }
        return Optional.empty();
    }

    /**
     * @param startDate the agent's start date (an import): the invitation leaves a few days before it,
     *                  and its link is valid from then; none (a renewal): it leaves now
     */
    private void sendInvitation(Agent agent, Long importRunId, Optional<java.time.LocalDate> startDate) {
        Instant now = clock.instant();
        Instant sendAt = startDate.map(day -> settings.invitationSendAt(day, now)).orElse(now);
        String token = SecretTokens.newLinkToken();
        Invitation invitation = new Invitation(agent.identifiant(), SecretTokens.hash(token), now,
                sendAt.plus(settings.invitationValidity()), importRunId);
        em.persist(invitation);
        agent.recoveryAddress().ifPresent(recovery -> outbox.emailFrom(sendAt, recovery, templates.email("invitation",
                agent.givenName(), agent.identifiant(), agent.academicAddress(),
                settings.url("/activation?jeton=" + token), templates.dateTime(invitation.expiresAt())),
                agent.identifiant()));
        String detail = importRunId == null ? null : "import " + importRunId;
        if (sendAt.isAfter(now)) {
            detail = (detail == null ? "" : detail + ", ") + "leaves " + sendAt;
        }
        audit.record(AuditEventType.AGENT_INVITED, agent.identifiant(), null, detail);
    }

    /**
     * Replaces the invitation of a pending agent by a new one, sent to the recovery address on file.
     * Asked again within a few minutes, it sends nothing more.
     */
    public void renew(String identifiant) {
        if (renewable(identifiant)) {
            audit.record(AuditEventType.INVITATION_RENEWED, identifiant, null, null);
        }
    }

    /**
     * The same, asked by a staff member for the agent on the phone (the agent look-up), recorded with
     * the staff member's identifiant.
     *
     * @return whether an invitation left (false: the agent is not pending, has no recovery address, or
     *         was sent one a few minutes ago)
     */
    public boolean renewByStaff(String identifiant, String performedBy, String clientAddress) {
        if (!renewable(identifiant)) {
            return false;
        }
        audit.recordAction(AuditEventType.INVITATION_RESENT, identifiant, performedBy, clientAddress, "by " + performedBy);
        return true;
    }

    /** Sends the new invitation when the agent may have one now; says whether it did. */
    private boolean renewable(String identifiant) {
        Optional<Agent> agent = directory.findByLogin(identifiant);
        if (agent.isEmpty() || agent.get().state() != fr.sesame.directory.AccountState.PENDING
                || agent.get().recoveryAddress().isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        boolean recent = latest(identifiant).map(i -> i.createdAt().isAfter(now.minus(RENEWAL_PAUSE))).orElse(false);
        if (recent) {
            return false;
        }
        closeAllFor(identifiant, now);
        sendInvitation(agent.get(), null, Optional.empty());
        return true;
    }

    /** The agent's latest invitation, open or not, for the staff's look-up. */
    public Optional<Invitation> latestFor(String identifiant) {
        return latest(identifiant);
    }

    public Optional<Invitation> byToken(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        List<Invitation> found = em.createQuery("select i from Invitation i where i.tokenHash = :hash", Invitation.class)
                .setParameter("hash", SecretTokens.hash(token.strip()))
                .getResultList();
        return found.stream().findFirst();
    }

    /** The invitation that lets this agent activate now, if any. */
    public Optional<Invitation> openFor(String identifiant) {
        Instant now = clock.instant();
        return latest(identifiant).filter(invitation -> invitation.isOpen(now));
    }

    /** Every open invitation of the agent dies, and an invitation e-mail still waiting for its day is dropped. */
    public void closeAllFor(String identifiant, Instant now) {
        outbox.dropWaiting(identifiant, "invitation");
        em.createQuery("select i from Invitation i where i.identifiant = :identifiant and i.closedAt is null", Invitation.class)
                .setParameter("identifiant", identifiant)
                .getResultList()
                .forEach(invitation -> invitation.close(now));
    }

    private Optional<Invitation> latest(String identifiant) {
        return em.createQuery("select i from Invitation i where i.identifiant = :identifiant order by i.createdAt desc, i.id desc",
                        Invitation.class)
                .setParameter("identifiant", identifiant)
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst();
    }
}
