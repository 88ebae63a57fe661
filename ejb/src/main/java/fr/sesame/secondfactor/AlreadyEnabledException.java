package fr.sesame.secondfactor;

/** An enrolment was asked for while the second factor is on: it must be turned off or reset first. */
public class AlreadyEnabledException extends Exception {

    private static final long serialVersionUID = 1L;

    public AlreadyEnabledException() {
        super("The second factor is already on");
    }
}
