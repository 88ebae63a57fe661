package fr.sesame.activation;

import fr.sesame.directory.DirectoryUnavailableException;
import fr.sesame.security.TooManyAttemptsException;
import fr.sesame.web.Messages;
import fr.sesame.web.Requests;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** "/identifiant-oublie": NUMEN and recovery address; the identifiant goes by e-mail to that address. */
@Named
@RequestScoped
public class ForgottenIdentifiantPage {

    @Inject
    IdentifiantReminder reminder;

    @Inject
    Messages messages;

    private String numen;
    private String recoveryAddress;
    private boolean answered;

    public void send() {
        try {
            String client = Requests.clientAddress();
            if (!reminder.send(numen, recoveryAddress, client)) {
                messages.fieldError("oubli:numen", "numen.format", fr.sesame.directory.Numen.EXAMPLE);
                return;
            }
            answered = true;
        } catch (TooManyAttemptsException e) {
            messages.error("abuse.tooMany", e.minutesToWait());
        } catch (DirectoryUnavailableException e) {
            messages.error("error.directoryUnavailable");
        } finally {
            numen = null;
        }
    }

    public boolean isAnswered() {
        return answered;
    }

    public String getNumen() {
        return numen;
    }

    public void setNumen(String numen) {
        this.numen = numen;
    }

    public String getRecoveryAddress() {
        return recoveryAddress;
    }

    public void setRecoveryAddress(String recoveryAddress) {
        this.recoveryAddress = recoveryAddress;
    }
}
