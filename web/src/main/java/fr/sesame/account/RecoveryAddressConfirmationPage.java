package fr.sesame.account;

import fr.sesame.activation.RecoveryAddressService;
import fr.sesame.directory.DirectoryUnavailableException;
import fr.sesame.security.TooManyAttemptsException;
import fr.sesame.web.Messages;
import fr.sesame.web.Requests;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * "/adresse-de-secours?jeton=…": the page the confirmation mail links to. Opening it changes nothing
 * (mail scanners open links); its button confirms. No login needed: the link is the proof.
 */
@Named
@RequestScoped
public class RecoveryAddressConfirmationPage {

    @Inject
    RecoveryAddressService addresses;

    @Inject
    Messages messages;

    private String token;
    private String confirmed;
    private boolean refused;

    public void confirm() {
        try {
            addresses.confirm(token, Requests.clientAddress()).ifPresentOrElse(
                    address -> confirmed = address, () -> refused = true);
        } catch (TooManyAttemptsException e) {
            messages.error("recoveryAddress.tooMany", e.minutesToWait());
        } catch (DirectoryUnavailableException e) {
            messages.error("error.directoryUnavailable");
        }
    }

    public String getConfirmed() {
        return confirmed;
    }

    public boolean isRefused() {
        return refused;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token == null ? null : token.substring(0, Math.min(token.length(), 100));
    }
}
