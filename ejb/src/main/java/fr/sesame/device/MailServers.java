package fr.sesame.device;

import java.util.Objects;

/**
 * What every mail client needs: the académie's domain and name, its incoming (IMAP) and outgoing
 * (SMTP) servers, and what agents type as username.
 *
 * @param loginIsAddress true when the servers take the full address as username, false for the identifiant
 */
public record MailServers(String domain, String displayName, Endpoint imap, Endpoint smtp, boolean loginIsAddress) {

    public MailServers {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(imap, "imap");
        Objects.requireNonNull(smtp, "smtp");
    }

    /** The username for this agent. */
    public String loginOf(String identifiant, String address) {
        return loginIsAddress ? address : identifiant;
    }

    /** Whether the address belongs to the académie's domain (case aside). */
    public boolean isOurs(String address) {
        if (address == null) {
            return false;
        }
        int at = address.lastIndexOf('@');
        return at > 0 && at < address.length() - 1 && address.substring(at + 1).equalsIgnoreCase(domain);
    }
}
