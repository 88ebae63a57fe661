package fr.sesame.support;

/** The ticket exists and is visible, but this action is not this person's to take, or not now. */
public class TicketActionRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    public TicketActionRefusedException(String message) {
        super(message);
    }
}
