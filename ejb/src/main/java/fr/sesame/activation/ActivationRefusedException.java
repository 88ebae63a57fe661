package fr.sesame.activation;

import jakarta.ejb.ApplicationException;

/** Step 1 of the activation did not let the person through; the reason picks the page's message. */
@ApplicationException(rollback = true)
public class ActivationRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why. Only {@link #WRONG_PAIR} and {@link #NUMEN_FORMAT} can be answered before the NUMEN is known right. */
    public enum Reason {
        /** The NUMEN does not have the expected shape. */
        NUMEN_FORMAT,
        /** Identifiant and NUMEN do not go together (or the identifiant does not exist): one message for both. */
        WRONG_PAIR,
        /** The account is active already: log in, or use the forgotten password. */
        ALREADY_ACTIVE,
        /** The account is locked: contact the référent or the hotline. */
        LOCKED,
        /** The invitation has expired: a new one can be sent to the recovery address on file. */
        INVITATION_EXPIRED,
        /** No invitation was ever made for the account (the agent came without one): one can be sent now. */
        NO_INVITATION,
        /** No recovery address and no mobile: no way to send the code. */
        NO_CONTACT
    }

    private final Reason reason;
    private final String identifiant;

    public ActivationRefusedException(Reason reason, String identifiant) {
        super(reason.name());
        this.reason = reason;
        this.identifiant = identifiant;
    }

    public Reason reason() {
        return reason;
    }

    /** The identifiant, known only once the NUMEN matched (to offer a new invitation). */
    public String identifiant() {
        return identifiant;
    }
}
