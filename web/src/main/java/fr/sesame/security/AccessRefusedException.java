package fr.sesame.security;

/** Someone reached what their roles do not open; answered with the French 403 page. */
public class AccessRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AccessRefusedException(String what) {
        super("Refused: " + what);
    }
}
