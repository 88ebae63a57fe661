package fr.sesame.account;

import fr.sesame.activation.LinkStatus;
import fr.sesame.directory.AccountState;
import fr.sesame.mail.SentMessage;
import fr.sesame.school.Uai;
import fr.sesame.secondfactor.SecondFactorStatus;
import fr.sesame.security.AttemptLimiter.Guarded;
import fr.sesame.security.AuditEvent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One agent whole, as the support sees them on the phone: identity, school, where the account stands,
 * the password's age, the lock-outs, the invitation, the last messages and events, the second factor.
 * Never the NUMEN, a password, a code or a message's content.
 *
 * @param lockOuts     every kind of lock-out in effect, with its end
 * @param lastDay      the last day of service the HR file gives, when the assignment ends
 * @param invitation   the latest invitation, if any
 * @param messages     the latest messages about the agent, newest first
 * @param events       the latest audit events about the agent, newest first
 * @param actionsAllowed whether the viewer may act on the account (not a référent)
 */
public record AgentFile(
        String identifiant,
        String displayName,
        String academicAddress,
        Optional<String> recoveryAddress,
        Optional<String> mobile,
        Optional<Uai> uai,
        Optional<String> schoolName,
        AccountState state,
        AccountStanding standing,
        Optional<Instant> passwordChangedAt,
        Optional<Instant> passwordExpiresAt,
        Optional<Long> passwordDaysLeft,
        boolean passwordExpired,
        List<LockOut> lockOuts,
        Optional<java.time.LocalDate> lastDay,
        Optional<InvitationSummary> invitation,
        SecondFactorStatus secondFactor,
        List<SentMessage> messages,
        List<AuditEvent> events,
        boolean actionsAllowed) {

    public AgentFile {
        lockOuts = List.copyOf(lockOuts);
        messages = List.copyOf(messages);
        events = List.copyOf(events);
    }

    public boolean isLockedOut() {
        return !lockOuts.isEmpty();
    }

    /** A lock-out in effect: what is refused, until when. */
    public record LockOut(Guarded kind, Instant until) {
    }

    /** The latest invitation: when it was sent, until when its link works, what it is worth now. */
    public record InvitationSummary(Instant createdAt, Instant expiresAt, LinkStatus link) {
    }
}
