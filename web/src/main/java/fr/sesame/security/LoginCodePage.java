package fr.sesame.security;

import fr.sesame.directory.DirectoryUnavailableException;
import fr.sesame.secondfactor.LoginCodeOutcome;
import fr.sesame.secondfactor.SecondFactorService;
import fr.sesame.web.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The login's second step, "/connexion/code": the password was right, the authenticator app's code
 * (or a recovery code) opens the login. Only a login waiting for its code reaches this page.
 */
@Named
@RequestScoped
public class LoginCodePage {

    @Inject
    SecondFactorService secondFactors;

    @Inject
    Messages messages;

    private String code;

    /** Minutes before this client address may try again, once it tried too often. */
    private Long lockedMinutes;

    /** Whether this visitor has no login waiting for a code (the page then points to the login page). */
    private boolean nothingPending;

    /** View action: a logged-in visitor goes to the account; one without a login is told where to start. */
    public void check() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        if (!AdmissionFilter.codePending((HttpServletRequest) external.getRequest())) {
            if (external.getRemoteUser() != null) {
                external.redirect(external.getRequestContextPath() + "/compte");
            } else {
                nothingPending = true;
            }
        }
    }

    public boolean isNothingPending() {
        return nothingPending;
    }

    public void verify() throws IOException, ServletException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        if (!AdmissionFilter.codePending(request)) {
            external.redirect(external.getRequestContextPath() + "/connexion");
            return;
        }
        String login = request.getRemoteUser();
        String typed = code;
        code = null;
        try {
            LoginCodeOutcome outcome = secondFactors.verifyAtLogin(login, typed, request.getRemoteAddr(),
                    AdmissionFilter.challengeSolved(request));
            switch (outcome) {
                case ACCEPTED -> external.redirect(external.getRequestContextPath() + AdmissionFilter.codeAccepted(request));
                case RECOVERY_CODE_ACCEPTED -> {
                    AdmissionFilter.codeAccepted(request);
                    // The agent sees how many recovery codes are left, and how to get new ones.
                    external.redirect(external.getRequestContextPath() + AdmissionFilter.ENROLMENT_PAGE + "?secours=1");
                }
                case REFUSED -> {
                    if (secondFactors.loginLockedOut(login) && !AdmissionFilter.challengeSolved(request)) {
                        AdmissionFilter.endAfterWrongCodes(request, response);
                        faces.responseComplete();
                        return;
                    }
                    messages.fieldError("saisie:code", "secondFactor.login.wrong");
                }
            }
        } catch (TooManyAttemptsException e) {
            if (e.bySubject()) {
                AdmissionFilter.endAfterWrongCodes(request, response);
                faces.responseComplete();
            } else {
                lockedMinutes = e.minutesToWait();
            }
        } catch (DirectoryUnavailableException e) {
            messages.error("error.directoryUnavailable");
        }
    }

    public Long getLockedMinutes() {
        return lockedMinutes;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
