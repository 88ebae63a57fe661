package fr.sesame.activation;

import fr.sesame.admin.Assignment;
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

    /** Handles one accepted line of the HR file. */
    public InvitationOutcome invite(Assignment assignment, Long importRunId) {
        Optional<Agent> existing = directory.findByNumen(assignment.numen());
        if (existing.isPresent()) {
            Agent agent = existing.get();
            switch (agent.state()) {
                case ACTIVE -> {
                    return InvitationOutcome.ALREADY_ACTIVE;
                }
                case LOCKED -> {
                    return InvitationOutcome.ACCOUNT_LOCKED;
                }
                case PENDING -> {
                    // Invited before, unless an earlier import added the entry and then failed before its invitation.
                    if (hasAnyInvitation(agent.identifiant())) {
                        return InvitationOutcome.ALREADY_INVITED;
                    }
                    sendInvitation(agent, importRunId);
                    return InvitationOutcome.INVITED;
                }
            }
        }
        Optional<Agent> created = createEntry(assignment);
        if (created.isEmpty()) {
            return InvitationOutcome.NO_FREE_IDENTIFIANT;
        }
        sendInvitation(created.get(), importRunId);
        return InvitationOutcome.INVITED;
    }

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
                return Optional.of(directory.createPendingAgent(new NewAgent(identifiant, assignment.givenName(),
                        assignment.surname(), address, assignment.numen(), assignment.uai(),
                        assignment.recoveryAddress(), assignment.mobile().map(MobileNumber::display))));
            } catch (IdentifiantTakenException e) {
                identifiantNumber++; // taken between the check and the add: try the next number
            }
        }
        return Optional.empty();
    }

    private void sendInvitation(Agent agent, Long importRunId) {
        Instant now = clock.instant();
        String token = SecretTokens.newLinkToken();
        Invitation invitation = new Invitation(agent.identifiant(), SecretTokens.hash(token), now,
                now.plus(settings.invitationValidity()), importRunId);
        em.persist(invitation);
        agent.recoveryAddress().ifPresent(recovery -> outbox.email(recovery, templates.email("invitation",
                agent.givenName(), agent.identifiant(), agent.academicAddress(),
                settings.url("/activation?jeton=" + token), templates.dateTime(invitation.expiresAt())),
                agent.identifiant()));
        audit.record(AuditEventType.AGENT_INVITED, agent.identifiant(), null, importRunId == null ? null : "import " + importRunId);
    }

    /**
     * Replaces the invitation of a pending agent by a new one, sent to the recovery address on file.
     * Asked again within a few minutes, it sends nothing more.
     */
    public void renew(String identifiant) {
        Optional<Agent> agent = directory.findByLogin(identifiant);
        if (agent.isEmpty() || agent.get().state() != fr.sesame.directory.AccountState.PENDING
                || agent.get().recoveryAddress().isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        boolean recent = latest(identifiant).map(i -> i.createdAt().isAfter(now.minus(RENEWAL_PAUSE))).orElse(false);
        if (recent) {
            return;
        }
        closeAllFor(identifiant, now);
        sendInvitation(agent.get(), null);
        audit.record(AuditEventType.INVITATION_RENEWED, identifiant, null, null);
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

    public void closeAllFor(String identifiant, Instant now) {
        em.createQuery("select i from Invitation i where i.identifiant = :identifiant and i.closedAt is null", Invitation.class)
                .setParameter("identifiant", identifiant)
                .getResultList()
                .forEach(invitation -> invitation.close(now));
    }

    private boolean hasAnyInvitation(String identifiant) {
        return latest(identifiant).isPresent();
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
