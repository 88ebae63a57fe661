package fr.sesame.secondfactor;

import fr.sesame.device.QrCodes;
import fr.sesame.directory.DirectoryUnavailableException;
import fr.sesame.security.AdmissionFilter;
import fr.sesame.security.RequiresRole;
import fr.sesame.security.Roles;
import fr.sesame.security.TooManyAttemptsException;
import fr.sesame.web.Messages;
import fr.sesame.web.Requests;
import fr.sesame.web.Site;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.List;

/**
 * "/compte/double-authentification": turn the second factor on (QR code or key, then a first code),
 * see the recovery codes once, get new ones, turn it off (agents only: staff must keep it). A staff
 * member who has not enrolled is sent here at login, and reaches nothing else until done.
 */
@RequiresRole(value = {Roles.AGENT, Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN}, duringEnrolment = true)
@Named
@RequestScoped
public class SecondFactorPage {

    @Inject
    SecondFactorService secondFactors;

    @Inject
    Messages messages;

    @Inject
    Site site;

    private SecondFactorStatus status;
    private List<String> recoveryCodes = List.of();
    private String code;
    private boolean turnedOff;

    /** The agent's second factor, read once per request (and again after a change). */
    public SecondFactorStatus getStatus() {
        if (status == null) {
            try {
                status = secondFactors.statusOf(login());
            } catch (DirectoryUnavailableException e) {
                messages.error("error.directoryUnavailable");
                status = new SecondFactorStatus(false, java.util.Optional.empty(), 0, java.util.Optional.empty());
            }
        }
        return status;
    }

    public void start() {
        try {
            secondFactors.startEnrolment(login());
        } catch (AlreadyEnabledException e) {
            messages.info("secondFactor.alreadyOn");
        } catch (DirectoryUnavailableException e) {
            messages.error("error.directoryUnavailable");
        }
        status = null;
    }

    public void confirm() {
        withCode("confirmation:code", typed -> {
            recoveryCodes = secondFactors.confirmEnrolment(login(), typed, Requests.clientAddress());
            AdmissionFilter.enrolled(Requests.current());
            messages.info("secondFactor.enabled");
        });
    }

    public void renewRecoveryCodes() {
        withCode("gestion:code", typed -> {
            recoveryCodes = secondFactors.renewRecoveryCodes(login(), typed, Requests.clientAddress());
            messages.info("secondFactor.renewed");
        });
    }

    public void turnOff() {
        if (isStaffMustKeep()) {
            code = null;
            messages.error("secondFactor.required");
            return;
        }
        withCode("gestion:code", typed -> {
            secondFactors.turnOff(login(), typed, Requests.clientAddress());
            turnedOff = true;
            messages.info("secondFactor.turnedOff");
        });
    }

    /** What a form that asks for the app's current code does with it. */
    @FunctionalInterface
    private interface CodeAction {
        void run(String typed) throws WrongCodeException, TooManyAttemptsException;
    }

    /** Runs the action with the code typed (never kept), its refusals shown beside {@code field}. */
    private void withCode(String field, CodeAction action) {
        String typed = code;
        code = null;
        try {
            action.run(typed);
        } catch (WrongCodeException e) {
            messages.fieldError(field, "secondFactor.code.wrong");
        } catch (TooManyAttemptsException e) {
            messages.fieldError(field, "secondFactor.code.tooMany", e.minutesToWait());
        } catch (DirectoryUnavailableException e) {
            messages.error("error.directoryUnavailable");
        }
        status = null;
    }

    /** The QR code of the enrolment under way, as inline SVG. */
    public String getQrCode() {
        return getStatus().enrolment().map(e -> QrCodes.svg(e.uri(), messages.text("secondFactor.qr.label"))).orElse("");
    }

    /** The key in groups of four, easier to type into an app. */
    public List<String> getSecretGroups() {
        String secret = getStatus().enrolment().map(SecondFactorStatus.Enrolment::secret).orElse("");
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < secret.length(); i += 4) {
            groups.add(secret.substring(i, Math.min(secret.length(), i + 4)));
        }
        return groups;
    }

    public String getEnabledOn() {
        return getStatus().enabledAt().map(site::format).orElse("");
    }

    /** Whether the caller holds a staff role, for whom the second factor is required. */
    public boolean isStaffMustKeep() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        return secondFactors.isRequiredForStaff() && SecondFactorService.STAFF_ROLES.stream().anyMatch(external::isUserInRole);
    }

    /** Whether this login was sent here to enrol before anything else. */
    public boolean isEnrolmentRequired() {
        return AdmissionFilter.enrolmentPending(Requests.current());
    }

    /** Whether the login just used a recovery code. */
    public boolean isRecoveryCodeUsed() {
        return FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().containsKey("secours");
    }

    public boolean isTurnedOff() {
        return turnedOff;
    }

    public List<String> getRecoveryCodes() {
        return recoveryCodes;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    private static String login() {
        return FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
    }
}
