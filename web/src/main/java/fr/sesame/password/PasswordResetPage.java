package fr.sesame.password;

import fr.sesame.directory.DirectoryUnavailableException;
import fr.sesame.security.TooManyAttemptsException;
import fr.sesame.web.Messages;
import fr.sesame.web.Requests;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/**
 * "/mot-de-passe-oublie": identifiant and NUMEN, then the same answer whatever they match; with the
 * link from the e-mail ({@code ?jeton=…}), the new password.
 */
@Named
@ViewScoped
public class PasswordResetPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What the page shows. */
    public enum Step {
        REQUEST, SENT, NO_RECOVERY_ADDRESS, NEW_PASSWORD, DONE, EXPIRED, USED, REPLACED, ACCOUNT_LOCKED, UNKNOWN
    }

    @Inject
    PasswordResetService resets;

    @Inject
    PasswordService passwords;

    @Inject
    PasswordSettings settings;

    @Inject
    Messages messages;

    private Step step = Step.REQUEST;
    private String token;
    private String login;
    private String numen;
    private String password;
    private String confirmation;
    private PasswordFeedback feedback;

    /** View action: the link from the e-mail, when there is one. */
    public void load() {
        if (token == null || token.isBlank() || step != Step.REQUEST) {
            return;
        }
        step = stepOf(resets.check(token));
    }

    public void request() {
        try {
            ResetRequestOutcome outcome = resets.request(login, numen, Requests.clientAddress());
            step = outcome == ResetRequestOutcome.NO_RECOVERY_ADDRESS ? Step.NO_RECOVERY_ADDRESS : Step.SENT;
        } catch (TooManyAttemptsException e) {
            messages.error("abuse.tooMany", e.minutesToWait());
        } catch (DirectoryUnavailableException e) {
            messages.error("error.directoryUnavailable");
        } finally {
            numen = null;
        }
    }

    /** Live feedback while the new password is typed. */
    public void checkPassword() {
        try {
            getFeedback().update(passwords.check(resets.agentOf(token).orElse(null), password));
        } catch (DirectoryUnavailableException e) {
            getFeedback().update(passwords.check(null, password));
        }
    }

    public void complete() {
        try {
            // VALID after complete() means the password was set.
            step = stepOf(resets.complete(token, password, confirmation, Requests.clientAddress()));
        } catch (PasswordChangeRefusedException e) {
            messages.passwordRefused("nouveau", e, passwords.minimumLength());
        } catch (DirectoryUnavailableException e) {
            messages.error("error.directoryUnavailable");
        } finally {
            password = null;
            confirmation = null;
        }
    }

    private Step stepOf(ResetLinkStatus status) {
        return switch (status) {
            case VALID -> step == Step.NEW_PASSWORD ? Step.DONE : Step.NEW_PASSWORD;
            case EXPIRED -> Step.EXPIRED;
            case USED -> Step.USED;
            case REPLACED -> Step.REPLACED;
            case ACCOUNT_LOCKED -> Step.ACCOUNT_LOCKED;
            case UNKNOWN -> Step.UNKNOWN;
        };
    }


    public long getResetValidityMinutes() {
        return settings.resetValidityMinutes();
    }

    /** The checklist beside the new password, created on first use. */
    public PasswordFeedback getFeedback() {
        if (feedback == null) {
            feedback = new PasswordFeedback(passwords.minimumLength());
        }
        return feedback;
    }

    public Step getStep() {
        return step;
    }

    public String getToken() {
        return token;
    }

    public void setToken(String token) {
        this.token = token;
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }

    public String getNumen() {
        return numen;
    }

    public void setNumen(String numen) {
        this.numen = numen;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
