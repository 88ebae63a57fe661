package fr.sesame.activation;

import fr.sesame.directory.DirectoryUnavailableException;
import fr.sesame.mail.MessageChannel;
import fr.sesame.password.PasswordFeedback;
import fr.sesame.security.TooManyAttemptsException;
import fr.sesame.web.Messages;
import fr.sesame.web.Requests;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/**
 * "/activation": identifiant and NUMEN, then a code to the recovery address or by SMS, then the
 * password. The page only remembers who passed step 1; the service checks every step again.
 */
@Named
@ViewScoped
public class ActivationPage implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What the page shows. */
    public enum Step {
        IDENTIFY, CODE, PASSWORD, DONE,
        LINK_EXPIRED, LINK_REPLACED, LINK_UNKNOWN, ALREADY_ACTIVE, LOCKED, NO_CONTACT, INVITATION_EXPIRED, NO_INVITATION,
        RENEWAL_SENT
    }

    @Inject
    ActivationService activation;

    @Inject
    Messages messages;

    private Step step = Step.IDENTIFY;
    private String token;

    private String login;
    private String numen;
    private ActivationCandidate candidate;
    private String expiredIdentifiant;

    private MessageChannel channel;
    private boolean codeSent;
    private String code;

    private String password;
    private String confirmation;
    private String recoveryAddress;
    /** The recovery address typed at step 3 is not the one the code went to: a link confirms it first. */
    private boolean recoveryLinkSent;
    private boolean charterAccepted;
    private PasswordFeedback feedback;

    /** View action: the link from the invitation e-mail, when there is one. */
    public void load() {
        if (token == null || token.isBlank() || step != Step.IDENTIFY) {
            return;
        }
        try {
            step = switch (activation.checkLink(token)) {
                case VALID -> Step.IDENTIFY;
                case EXPIRED -> Step.LINK_EXPIRED;
                case REPLACED -> Step.LINK_REPLACED;
                case ALREADY_ACTIVE -> Step.ALREADY_ACTIVE;
                case UNKNOWN -> Step.LINK_UNKNOWN;
            };
        } catch (DirectoryUnavailableException e) {
            messages.error("error.directoryUnavailable");
        }
    }

    public void identify() {
        try {
            candidate = activation.identify(login, numen, Requests.clientAddress());
            numen = null;
            channel = candidate.hasEmail() ? MessageChannel.EMAIL : MessageChannel.SMS;
            codeSent = false;
            step = Step.CODE;
        } catch (ActivationRefusedException e) {
            numen = null;
            switch (e.reason()) {
                case NUMEN_FORMAT -> messages.fieldError("identite:numen", "numen.format", fr.sesame.directory.Numen.EXAMPLE);
                case WRONG_PAIR -> messages.error("activation.identify.wrongPair");
                case ALREADY_ACTIVE -> step = Step.ALREADY_ACTIVE;
                case LOCKED -> step = Step.LOCKED;
                case NO_CONTACT -> step = Step.NO_CONTACT;
                case INVITATION_EXPIRED, NO_INVITATION -> {
                    expiredIdentifiant = e.identifiant();
                    step = e.reason() == ActivationRefusedException.Reason.NO_INVITATION ? Step.NO_INVITATION : Step.INVITATION_EXPIRED;
                }
            }
        } catch (TooManyAttemptsException e) {
            numen = null;
            messages.error("abuse.tooMany", e.minutesToWait());
        } catch (DirectoryUnavailableException e) {
            messages.error("error.directoryUnavailable");
        }
    }

    public void sendCode() {
        try {
            activation.sendCode(candidate.identifiant(), channel, Requests.clientAddress());
            codeSent = true;
            code = null;
            String where = channel == MessageChannel.SMS ? candidate.maskedMobile() : candidate.maskedEmail();
            messages.info(channel == MessageChannel.SMS ? "activation.code.sentSms" : "activation.code.sentEmail", where,
                    activation.codeValidityMinutes());
        } catch (ActivationRefusedException e) {
            restart("activation.code.restart");
        } catch (TooManyAttemptsException e) {
            messages.error("activation.code.tooMany", e.minutesToWait());
        } catch (DirectoryUnavailableException e) {
            messages.error("error.directoryUnavailable");
        }
    }

    public void verifyCode() {
        try {
            CodeCheck check = activation.verifyCode(candidate.identifiant(), code, Requests.clientAddress());
            code = null;
            switch (check.outcome()) {
                case VERIFIED -> {
                    recoveryAddress = activation.recoveryAddressOf(candidate.identifiant()).orElse(null);
                    step = Step.PASSWORD;
                }
                case WRONG -> messages.fieldError("verification:code", "activation.code.wrong", check.triesLeft());
                case EXHAUSTED -> restart("activation.code.exhausted");
                case EXPIRED -> restart("activation.code.expired");
            }
        } catch (TooManyAttemptsException e) {
            messages.error("abuse.tooMany", e.minutesToWait());
        } catch (ActivationRefusedException e) {
            restart("activation.code.restart");
        } catch (DirectoryUnavailableException e) {
            messages.error("error.directoryUnavailable");
        }
    }

    /** Live feedback while the password is typed. */
    public void checkPassword() {
        getFeedback().update(candidate == null ? null : activation.checkPassword(candidate.identifiant(), password));
    }

    public void complete() {
        if (!charterAccepted) {
            messages.fieldError("motdepasse:charte", "activation.charter.required");
            return;
        }
        try {
            recoveryLinkSent = activation.complete(candidate.identifiant(), password, confirmation, recoveryAddress,
                    Requests.clientAddress());
            password = null;
            confirmation = null;
            step = Step.DONE;
        } catch (fr.sesame.password.PasswordChangeRefusedException e) {
            password = null;
            confirmation = null;
            messages.passwordRefused("motdepasse", e, activation.passwordMinimumLength());
        } catch (RecoveryAddressException e) {
            password = null;
            confirmation = null;
            messages.fieldError("motdepasse:adresseDeSecours", "activation.recovery.invalid");
        } catch (ActivationRefusedException e) {
            password = null;
            confirmation = null;
            if (e.reason() == ActivationRefusedException.Reason.ALREADY_ACTIVE) {
                step = Step.ALREADY_ACTIVE; // a second click after the first one succeeded
                return;
            }
            restart("activation.code.restart");
        } catch (DirectoryUnavailableException e) {
            messages.error("error.directoryUnavailable");
        }
    }

    /** A new invitation, to the recovery address on file only. */
    public void renew() {
        try {
            if (expiredIdentifiant != null) {
                activation.renewInvitationFor(expiredIdentifiant, Requests.clientAddress());
            } else if (token != null) {
                activation.renewExpiredInvitation(token, Requests.clientAddress());
            }
            step = Step.RENEWAL_SENT;
        } catch (TooManyAttemptsException e) {
            messages.error("abuse.tooMany", e.minutesToWait());
        } catch (DirectoryUnavailableException e) {
            messages.error("error.directoryUnavailable");
        }
    }

    private void restart(String messageKey) {
        candidate = null;
        code = null;
        codeSent = false;
        step = Step.IDENTIFY;
        messages.error(messageKey);
    }


    /** The checklist beside the password field, created on first use. */
    public PasswordFeedback getFeedback() {
        if (feedback == null) {
            feedback = new PasswordFeedback(activation.passwordMinimumLength());
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

    public ActivationCandidate getCandidate() {
        return candidate;
    }

    public MessageChannel getChannel() {
        return channel;
    }

    public void setChannel(MessageChannel channel) {
        this.channel = channel;
    }

    public boolean isCodeSent() {
        return codeSent;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
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

    public String getRecoveryAddress() {
        return recoveryAddress;
    }

    public boolean isRecoveryLinkSent() {
        return recoveryLinkSent;
    }

    public void setRecoveryAddress(String recoveryAddress) {
        this.recoveryAddress = recoveryAddress;
    }

    public boolean isCharterAccepted() {
        return charterAccepted;
    }

    public void setCharterAccepted(boolean charterAccepted) {
        this.charterAccepted = charterAccepted;
    }
}
