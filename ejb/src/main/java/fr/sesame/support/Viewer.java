package fr.sesame.support;

import fr.sesame.school.Uai;

import java.util.Optional;
import java.util.Set;

/**
 * Who looks at tickets, as the web layer established it: the identifiant, the roles and, for a
 * référent, the school. The service decides from this what they may see and do.
 */
public record Viewer(String identifiant, String displayName, Set<String> roles, Optional<Uai> uai) {

    public Viewer {
        roles = Set.copyOf(roles);
        uai = uai == null ? Optional.empty() : uai;
    }

    /** The hotline and the administrators see every ticket. */
    public boolean isHotline() {
        return roles.contains("hotline") || roles.contains("admin");
    }

    /** The académie's experts work the tickets passed to the third level, and only those. */
    public boolean isExpert() {
        return roles.contains("expert");
    }

    public boolean isReferentOf(String ticketUai) {
        return roles.contains("referent") && ticketUai != null && uai.map(Uai::value).filter(ticketUai::equals).isPresent();
    }

    public boolean isRssi() {
        return roles.contains("rssi");
    }

    public boolean isRequesterOf(Ticket ticket) {
        return ticket.requester() != null && ticket.requester().equals(identifiant);
    }

    /**
     * Whether this person works the ticket, not only asked for help: the hotline, the référent of its
     * school, the experts once it reached them, or the RSSI for a security report (which référents and
     * experts never see).
     */
    public boolean supports(Ticket ticket) {
        if (ticket.isSecurityReport()) {
            return isHotline() || isRssi();
        }
        return isHotline() || isReferentOf(ticket.uai()) || (isExpert() && ticket.level() >= Ticket.EXPERTS);
    }

    public boolean canSee(Ticket ticket) {
        return supports(ticket) || isRequesterOf(ticket);
    }
}
