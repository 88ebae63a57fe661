package fr.sesame.mail;

/** The mail server or the SMS gateway did not take a message; the message says why, without secrets. */
public class DeliveryException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean permanent;

    /** A failure that may pass: the message is tried again later. */
    public DeliveryException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /** @param permanent the server refused the recipient for good: no later attempt would do better */
    public DeliveryException(String message, Throwable cause, boolean permanent) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean isPermanent() {
        return permanent;
    }
}
