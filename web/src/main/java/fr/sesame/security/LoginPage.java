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

    @Inject
    ChallengeField challenge;

    private String identifiant;

    private String password;

    /** Minutes before logins from this client address are accepted again, once too many failed; null otherwise. */
    private Long lockedMinutes;

    /** Whether the account failed too often: the form asks for the challenge with the password. */
    private boolean challengeNeeded;

    /** Whether the directory refused the (right) password because it has expired. */
    private boolean passwordExpired;

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
        boolean challengeSolved = challenge.solved();
        try {
            accounts.countLoginAttempt(typed, request.getRemoteAddr(), challengeSolved);
        } catch (TooManyAttemptsException e) {
            password = null;
            if (e.bySubject()) {
                // The account failed too often: the right password still opens it, with the challenge.
                challengeNeeded = true;
                challenge.refuse();
                messages.error("login.challenge");
            } else {
                lockedMinutes = e.minutesToWait();
            }
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
        String typedPassword = password;
        password = null;
        if ((status == AuthenticationStatus.SUCCESS || status == AuthenticationStatus.SEND_CONTINUE)
                && Roles.ALL.stream().noneMatch(request::isUserInRole)) {
            // A directory account with no role in Sésame (ops' account, which reads /metrics): the right
            // password, and nothing to open. Said at once, and that login ends here.
            try {
                request.logout();
            } catch (jakarta.servlet.ServletException e) {
                throw new IOException("The login of an account without a role could not be ended", e);
            }
            messages.error("login.noRole");
            return;
        }
        if (status == AuthenticationStatus.SUCCESS || status == AuthenticationStatus.SEND_CONTINUE) {
            // The login lives in this session; the next request admits it (AdmissionFilter).
            AdmissionFilter.loggedIn(request.getSession(true));
            if (challengeSolved) {
                AdmissionFilter.challengeSolved(request.getSession(true));
            }
        }
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete(); // back to the page that asked for a login
            case SUCCESS -> external.redirect(external.getRequestContextPath() + "/compte");
            default -> {
                if (accounts.directoryAnswers()) {
                    if (accounts.passwordExpiredAtDirectory(typed, typedPassword)) {
                        // The right password, too old for the directory: the way out is a new one.
                        passwordExpired = true;
                        return;
                    }
                    accounts.recordFailedLogin(typed, request.getRemoteAddr());
                    messages.error("login.failed");
                    if (accounts.loginNeedsChallenge(typed)) {
                        challengeNeeded = true; // this failure was the one too many: the next login asks for it
                        messages.error("login.challenge");
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

    public boolean isPasswordExpired() {
        return passwordExpired;
    }

    public boolean isChallengeNeeded() {
        return challengeNeeded;
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
