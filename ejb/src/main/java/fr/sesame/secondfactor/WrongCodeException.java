package fr.sesame.secondfactor;

/** The code typed to confirm an enrolment or a change is not the app's current one. */
public class WrongCodeException extends Exception {

    private static final long serialVersionUID = 1L;

    public WrongCodeException() {
        super("Wrong second factor code");
    }
}
