package fr.sesame.support;

/** No such ticket, or not one this person may see: the same answer, so references cannot be probed. */
public class TicketNotFoundException extends Exception {

    private static final long serialVersionUID = 1L;

    public TicketNotFoundException(String reference) {
        super("No ticket " + reference + " for this viewer");
    }
}
