package fr.sesame.account;

import fr.sesame.activation.RecoveryAddressException;
import fr.sesame.activation.RecoveryAddressService;
import fr.sesame.directory.DirectoryUnavailableException;
import fr.sesame.security.RequiresRole;
import fr.sesame.security.Roles;
import fr.sesame.security.TooManyAttemptsException;
import fr.sesame.web.Messages;
import fr.sesame.web.Requests;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Optional;

/**
 * "/compte/adresse-de-secours": add or change the recovery address. The new one receives a link and
 * replaces the one on file once the link is followed.
 */
@RequiresRole({Roles.AGENT, Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN})
@Named
@RequestScoped
public class RecoveryAddressPage {

    @Inject
    RecoveryAddressService addresses;

    @Inject
    AccountService accounts;

    @Inject
    Messages messages;

    private String address;
    private String sentTo;
    private Optional<String> current;
    private Optional<String> pending;

    public void request() {
        try {
            sentTo = addresses.request(login(), address, Requests.clientAddress());
            address = null;
            pending = null;
        } catch (RecoveryAddressException e) {
            messages.fieldError("adresse:nouvelle", "recoveryAddress.invalid");
        } catch (TooManyAttemptsException e) {
            messages.fieldError("adresse:nouvelle", "recoveryAddress.tooMany", e.minutesToWait());
        } catch (DirectoryUnavailableException e) {
            messages.error("error.directoryUnavailable");
        }
    }

    /** The address on file now. */
    public String getCurrent() {
        if (current == null) {
            try {
                current = accounts.summaryOf(login()).recoveryAddress();
            } catch (AccountNotFoundException | DirectoryUnavailableException e) {
                current = Optional.empty();
            }
        }
        return current.orElse(null);
    }

    /** The address waiting for its link, if any. */
    public String getPending() {
        if (pending == null) {
            try {
                pending = addresses.pendingOf(login());
            } catch (DirectoryUnavailableException e) {
                pending = Optional.empty();
            }
        }
        return pending.orElse(null);
    }

    public String getSentTo() {
        return sentTo;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    private static String login() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }
}
