package fr.sesame.directory;

/** The entry Sésame wanted to add exists already (another import took the name meanwhile). */
public class IdentifiantTakenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IdentifiantTakenException(String identifiant) {
        super("An entry already exists for " + identifiant);
    }
}
