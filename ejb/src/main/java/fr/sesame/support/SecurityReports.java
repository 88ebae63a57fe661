package fr.sesame.support;

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
import fr.sesame.mail.MailTemplates;
import fr.sesame.mail.Outbox;
import fr.sesame.password.PasswordResetService;
import fr.sesame.school.Uai;
import fr.sesame.security.AuditEventType;
import fr.sesame.security.AuditTrail;
import jakarta.ejb.Stateless;
import fr.sesame.password.PasswordChangeRefusedException;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;

/**
 * Security reports: a lost or stolen device, an identity theft, a phishing message. Each is a
 * top-priority ticket for the RSSI, who is told at once; the RSSI can impose a new password and lock
 * the account.
 */
@Stateless
@DeclareRoles({Roles.AGENT, Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN})
public class SecurityReports {

    @Inject
    TicketService tickets;

    @Inject
    Directory directory;

    @Inject
    PasswordResetService resets;

    @Inject
    fr.sesame.password.PasswordService passwords;

    @Inject
    SupportSettings settings;

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

    /**
     * A security report by a logged-in agent: a top-priority ticket for the RSSI, told at once, an
     * audit event and, if asked, a password reset link to the recovery address right away.
     *
     * @return the ticket and whether a reset link left
     */
    @RolesAllowed({Roles.AGENT, Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN})
    public SecurityReport report(Agent agent, SecurityReportKind kind, String description, boolean resetNow,
                                 String clientAddress) {
        Callers.requireSelf(context, agent.identifiant(), agent.academicAddress());
        return record(agent, kind, description, resetNow ? PasswordStep.LINK : PasswordStep.NONE, clientAddress);
    }

    /**
     * The same report with the lost device cut off in the same step: the agent, logged in, chooses a new
     * password right there. The directory has it at once, so the password stored on the phone stops
     * working in the mail servers as in Sésame; the agent's other sessions end. A refused password sends
     * nothing: the agent fixes it and sends the report again.
     *
     * @param login the agent's login sending the report, which goes on
     * @return the ticket, and the instant the agent's sessions are valid from (this one goes on)
     */
    @RolesAllowed({Roles.AGENT, Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN})
    public SecurityReport reportWithNewPassword(Agent agent, SecurityReportKind kind, String description, String password,
                                                String confirmation, String clientAddress, String login)
            throws PasswordChangeRefusedException {
        Callers.requireSelf(context, agent.identifiant(), agent.academicAddress());
        Instant validFrom = passwords.replace(agent, password, confirmation, clientAddress, "security report", login);
        SecurityReport report = record(agent, kind, description, PasswordStep.CHANGED, clientAddress);
        return new SecurityReport(report.ticket(), false, validFrom);
    }

    /** What became of the password with a report, as the RSSI's message says it. */
    private enum PasswordStep {
        NONE, LINK, CHANGED
    }

    private SecurityReport record(Agent agent, SecurityReportKind kind, String description, PasswordStep step,
                                  String clientAddress) {
        Instant now = clock.instant();
        Ticket.Request request = new Ticket.Request(agent.identifiant(), agent.displayName(), null, agent.academicAddress(),
                true, agent.uai().map(Uai::value).orElse(null), TicketCategory.SECURITY, 5, 5,
                templates.text("security-kind." + kind.name()), description == null || description.isBlank() ? "—" : description, null);
        Ticket ticket = Ticket.securityReport(request, kind, now, now.plus(settings.takeWithin(5)), now.plus(settings.resolveWithin(5)));
        tickets.record(ticket, now);
        boolean linkSent = step == PasswordStep.LINK && resets.sendLinkTo(agent, clientAddress, "security report " + ticket.reference());
        int told = step == PasswordStep.CHANGED ? 2 : linkSent ? 1 : 0;
        outbox.email(settings.rssiEmail(), templates.email("security-report", ticket.reference(), templates.text("security-kind." + kind.name()),
                agent.displayName(), agent.identifiant(), ticket.description(), told,
                settings.url("/support/demande?ref=" + ticket.reference())), ticket.reference());
        tickets.acknowledge(ticket);
        audit.record(AuditEventType.SECURITY_REPORTED, agent.identifiant(), clientAddress, kind + " " + ticket.reference());
        return new SecurityReport(ticket, linkSent, null);
    }

    /**
     * What a security report did.
     *
     * @param passwordChangedAt when the agent's new password took effect (their sessions are valid from
     *                          then), null when the password did not change
     */
    public record SecurityReport(Ticket ticket, boolean resetLinkSent, Instant passwordChangedAt) {
    }

    /**
     * The RSSI makes the current password useless at once (the directory gets a random one nobody
     * knows) and sends the agent a reset link to the recovery address.
     */
    @RolesAllowed(Roles.RSSI)
    public void forceReset(String reference, Viewer viewer, String clientAddress)
            throws TicketNotFoundException, TicketActionRefusedException {
        Agent agent = requesterForRssi(reference, viewer);
        passwords.impose(agent, clientAddress, "by " + viewer.identifiant() + " for " + reference);
        resets.sendLinkTo(agent, clientAddress, "forced by " + viewer.identifiant());
        Ticket ticket = tickets.find(reference, viewer);
        ticket.write(viewer.identifiant(), viewer.displayName(), templates.text("ticket-note.reset-forced"), false, clock.instant());
    }

    /** The RSSI locks the account: nobody logs in until the RSSI unlocks it ({@link #unlockAccount}). */
    @RolesAllowed(Roles.RSSI)
    public void lockAccount(String reference, Viewer viewer, String clientAddress)
            throws TicketNotFoundException, TicketActionRefusedException {
        Agent agent = requesterForRssi(reference, viewer);
        directory.lock(agent);
        sessions.endSessionsOf(agent.identifiant());
        Ticket ticket = tickets.find(reference, viewer);
        ticket.write(viewer.identifiant(), viewer.displayName(), templates.text("ticket-note.locked"), false, clock.instant());
        audit.recordAction(AuditEventType.ACCOUNT_LOCKED, agent.identifiant(), viewer.identifiant(), clientAddress, "by " + viewer.identifiant()
                + " for " + reference);
    }

    /**
     * The RSSI lifts the lock once the account is safe again. The agent logs in with their password,
     * or with the new one they chose through the reset link if the RSSI imposed a reset.
     */
    @RolesAllowed(Roles.RSSI)
    public void unlockAccount(String reference, Viewer viewer, String clientAddress)
            throws TicketNotFoundException, TicketActionRefusedException {
        Agent agent = requesterForRssi(reference, viewer);
        if (agent.state() != fr.sesame.directory.AccountState.LOCKED) {
            throw new TicketActionRefusedException("not locked");
        }
        directory.unlock(agent);
        Ticket ticket = tickets.find(reference, viewer);
        ticket.write(viewer.identifiant(), viewer.displayName(), templates.text("ticket-note.unlocked"), false, clock.instant());
        audit.recordAction(AuditEventType.ACCOUNT_UNLOCKED, agent.identifiant(), viewer.identifiant(), clientAddress, "by " + viewer.identifiant()
                + " for " + reference);
    }

    /** Whether the account behind this security report is locked now, for the RSSI's buttons. */
    @RolesAllowed(Roles.RSSI)
    public boolean isAccountLocked(String reference, Viewer viewer) {
        try {
            return requesterForRssi(reference, viewer).state() == fr.sesame.directory.AccountState.LOCKED;
        } catch (TicketNotFoundException | TicketActionRefusedException e) {
            return false;
        }
    }

    private Agent requesterForRssi(String reference, Viewer viewer) throws TicketNotFoundException, TicketActionRefusedException {
        Ticket ticket = tickets.find(reference, viewer);
        if (!viewer.isRssi() || !ticket.isSecurityReport()) {
            throw new TicketActionRefusedException("only the RSSI, on a security report");
        }
        if (ticket.requester() == null) {
            throw new TicketActionRefusedException("no account behind this report");
        }
        return directory.findByLogin(ticket.requester())
                .orElseThrow(() -> new TicketActionRefusedException("the account is gone"));
    }

}
