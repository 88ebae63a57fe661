package fr.sesame.security;

import fr.sesame.account.AccountService;
import fr.sesame.directory.DirectoryUnavailableException;
import fr.sesame.web.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import fr.sesame.security.TooManyAttemptsException;

import java.io.IOException;
import java.util.Map;

/** The login page: identifiant (or academic address) and password, checked by the container. */
@Named
@RequestScoped
public class LoginPage {

    @Inject
    SecurityContext securityContext;

    @Inject
    AccountService accounts;

    @Inject
    Messages messages;

    private String identifiant;

    private String password;

    /** Minutes before logins are accepted again, once too many failed; null otherwise. */
    private Long lockedMinutes;

    public void login() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();

        // A session opened before login (language, an earlier visit) gets a new id: no fixation.
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        String typed = identifiant.strip();
        try {
            accounts.ensureLoginAllowed(typed, request.getRemoteAddr());
        } catch (TooManyAttemptsException e) {
            password = null;
            lockedMinutes = e.minutesToWait();
            return;
        } catch (DirectoryUnavailableException e) {
            password = null;
            messages.error("login.refused.indisponible");
            return;
        }
        AuthenticationStatus status = securityContext.authenticate(request, response,
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(typed, password))
                        .newAuthentication(true));
        password = null;
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete(); // back to the page that asked for a login
            case SUCCESS -> external.redirect(external.getRequestContextPath() + "/compte");
            default -> {
                if (accounts.directoryAnswers()) {
                    accounts.recordFailedLogin(typed, request.getRemoteAddr());
                    messages.error("login.failed");
                    try {
                        accounts.ensureLoginAllowed(typed, request.getRemoteAddr());
                    } catch (TooManyAttemptsException e) {
                        lockedMinutes = e.minutesToWait(); // this failure was the one too many
                    }
                } else {
                    messages.error("login.refused.indisponible");
                }
            }
        }
    }

    /** Why the last login was turned away after the password was accepted, from {@link AdmissionFilter}. */
    public String getRefusal() {
        Map<String, String> parameters = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
        String refusal = parameters.get(AdmissionFilter.REFUSAL_PARAMETER);
        return refusal != null && AdmissionFilter.REFUSALS.contains(refusal) ? refusal : null;
    }

    public Long getLockedMinutes() {
        return lockedMinutes;
    }

    public String getIdentifiant() {
        return identifiant;
    }

    public void setIdentifiant(String identifiant) {
        this.identifiant = identifiant;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
