package fr.sesame.mail;

/** The mail server or the SMS gateway did not take a message; the message says why, without secrets. */
public class DeliveryException extends Exception {

    private static final long serialVersionUID = 1L;

    public DeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
