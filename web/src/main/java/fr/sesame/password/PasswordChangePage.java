package fr.sesame.password;

import fr.sesame.security.RequiresRole;
import fr.sesame.security.Roles;
import fr.sesame.directory.Agent;
import fr.sesame.directory.Directory;
import fr.sesame.directory.DirectoryUnavailableException;
import fr.sesame.security.AdmissionFilter;
import fr.sesame.security.TooManyAttemptsException;
import fr.sesame.web.Messages;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.io.Serializable;

/**
 * "/compte/mot-de-passe": the current password, then the new one twice, with the policy's checklist
 * updated as it is typed. Also where an agent whose password expired is sent before anything else.
 */
@RequiresRole({Roles.AGENT, Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN})
@Named
@ViewScoped
public class PasswordChangePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PasswordService passwords;

    @Inject
    Directory directory;

    @Inject
    Messages messages;

    private String current;
    private String password;
    private String confirmation;
    private boolean done;
    private PasswordFeedback feedback;

    /** Live feedback while the new password is typed. */
    public void checkPassword() {
        try {
            Agent agent = directory.findByLogin(identifiant()).orElse(null);
            getFeedback().update(passwords.check(agent, password));
        } catch (DirectoryUnavailableException e) {
            getFeedback().update(passwords.check(null, password));
        }
    }

    public void change() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        try {
            java.time.Instant validFrom = passwords.change(identifiant(), current, password, confirmation,
                    request.getRemoteAddr(), AdmissionFilter.loginOf(request));
            done = true;
            // The agent's other sessions have ended; this one goes on, under a new id.
            AdmissionFilter.keepAfterPasswordChange(request, validFrom);
        } catch (PasswordChangeRefusedException e) {
            if (e.currentPasswordWrong()) {
                messages.fieldError("changement:actuel", "password.change.currentWrong");
            }
            messages.passwordRefused("changement", e, passwords.minimumLength());
        } catch (TooManyAttemptsException e) {
            messages.error("abuse.tooMany", e.minutesToWait());
        } catch (DirectoryUnavailableException e) {
            messages.error("error.directoryUnavailable");
        } finally {
            current = null;
            password = null;
            confirmation = null;
        }
    }

    /** Whether the agent was sent here because the password expired. */
    public boolean isExpired() {
        HttpSession session = ((HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest())
                .getSession(false);
        return session != null && session.getAttribute(AdmissionFilter.MUST_CHANGE_PASSWORD) != null;
    }

    private static String identifiant() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }

    /** The checklist beside the new password, created on first use. */
    public PasswordFeedback getFeedback() {
        if (feedback == null) {
            feedback = new PasswordFeedback(passwords.minimumLength());
        }
        return feedback;
    }

    public boolean isDone() {
        return done;
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
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
