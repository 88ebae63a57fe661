package fr.sesame.support;

import fr.sesame.security.RequiresRole;
import fr.sesame.security.Roles;
import fr.sesame.directory.Agent;
import fr.sesame.directory.DirectoryUnavailableException;
import fr.sesame.password.PasswordChangeRefusedException;
import fr.sesame.password.PasswordService;
import fr.sesame.security.AdmissionFilter;
import fr.sesame.web.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;
import fr.sesame.web.Requests;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/**
 * "/compte/securite": a lost phone, a suspected identity theft, a phishing message. The report goes to
 * the RSSI at once; for a lost phone or a theft, the agent chooses a new password in the same form (the
 * device's stored password stops working at once), or asks for a reset link.
 */
@RequiresRole({Roles.AGENT, Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN})
@Named
@ViewScoped
public class SecurityReportPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    SecurityReports reports;

    @Inject
    CurrentViewer viewer;

    @Inject
    Messages messages;

    @Inject
    PasswordService passwords;

    private SecurityReportKind kind;
    private String description;
    private String sender;
    private String subject;
    private boolean resetNow = true;
    private String reference;
    private boolean resetLinkSent;
    /** A new password chosen in the form, to cut the lost device off at once (never kept after the request). */
    private transient String password;
    private transient String confirmation;
    private boolean passwordChanged;
    /** For a lost device: the second factor (the app on the lost phone) is reset with the report. */
    private boolean resetSecondFactor;
    private boolean secondFactorReset;

    @Inject
    fr.sesame.secondfactor.SecondFactorService secondFactors;

    public void send() {
        try {
            Agent agent = viewer.agent().orElseThrow(() -> new DirectoryUnavailableException("no agent", null));
            boolean cutOff = kind != SecurityReportKind.PHISHING && password != null && !password.isEmpty();
            SecurityReports.SecurityReport report = cutOff
                    ? reports.reportWithNewPassword(agent, kind, text(), password, confirmation, Requests.clientAddress(),
                            AdmissionFilter.loginOf(Requests.current()))
                    : reports.report(agent, kind, text(), resetNow && kind != SecurityReportKind.PHISHING,
                            Requests.clientAddress());
            reference = report.ticket().reference();
            if (kind == SecurityReportKind.LOST_DEVICE && resetSecondFactor) {
                secondFactorReset = secondFactors.resetAfterLostDevice(
                        FacesContext.getCurrentInstance().getExternalContext().getRemoteUser(), Requests.clientAddress());
            }
            resetLinkSent = report.resetLinkSent();
            passwordChanged = report.passwordChangedAt() != null;
            if (passwordChanged) {
                // The agent's other sessions have ended; this one goes on, under a new id.
                AdmissionFilter.keepAfterPasswordChange(
                        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest(),
                        report.passwordChangedAt());
            }
        } catch (PasswordChangeRefusedException e) {
            // Nothing was sent: the form keeps what the agent wrote, the password fields say what to fix.
            messages.passwordRefused("signalement", e, passwords.minimumLength());
        } catch (DirectoryUnavailableException e) {
            messages.error("error.directoryUnavailable");
        } finally {
            password = null;
            confirmation = null;
        }
    }

    /** Whether the agent has a second factor to reset, for the form's offer. */
    public boolean isSecondFactorOn() {
        return viewer.agent().map(agent -> secondFactors.isEnabled(agent.identifiant())).orElse(false);
    }

    public boolean isResetSecondFactor() {
        return resetSecondFactor;
    }

    public void setResetSecondFactor(boolean resetSecondFactor) {
        this.resetSecondFactor = resetSecondFactor;
    }

    public boolean isSecondFactorReset() {
        return secondFactorReset;
    }

    public int getPasswordMinimumLength() {
        return passwords.minimumLength();
    }

    public boolean isPasswordChanged() {
        return passwordChanged;
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

    /** For phishing, the sender and subject the agent saw come first: the RSSI needs them to warn others. */
    private String text() {
        StringBuilder text = new StringBuilder();
        if (kind == SecurityReportKind.PHISHING) {
            text.append(messages.text("security.sender")).append(" : ").append(sender == null ? "" : sender.strip()).append('\n')
                    .append(messages.text("security.subject")).append(" : ").append(subject == null ? "" : subject.strip()).append("\n\n");
        }
        text.append(description == null ? "" : description.strip());
        return text.toString();
    }

    public List<SecurityReportKind> getKinds() {
        return List.of(SecurityReportKind.values());
    }

    public SecurityReportKind getKind() {
        return kind;
    }

    public void setKind(SecurityReportKind kind) {
        this.kind = kind;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getSender() {
        return sender;
    }

    public void setSender(String sender) {
        this.sender = sender;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public boolean isResetNow() {
        return resetNow;
    }

    public void setResetNow(boolean resetNow) {
        this.resetNow = resetNow;
    }

    public String getReference() {
        return reference;
    }

    public boolean isResetLinkSent() {
        return resetLinkSent;
    }
}
