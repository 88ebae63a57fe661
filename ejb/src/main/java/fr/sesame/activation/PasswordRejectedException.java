package fr.sesame.activation;

import fr.sesame.password.PasswordRule;
import jakarta.ejb.ApplicationException;

import java.util.List;

/** The chosen password breaks the policy (or the confirmation differs); nothing was changed. */
@ApplicationException(rollback = true)
public class PasswordRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<PasswordRule> broken;
    private final boolean confirmationDiffers;

    public PasswordRejectedException(List<PasswordRule> broken, boolean confirmationDiffers) {
        super("Password refused: " + broken + (confirmationDiffers ? ", confirmation differs" : ""));
        this.broken = List.copyOf(broken);
        this.confirmationDiffers = confirmationDiffers;
    }

    public List<PasswordRule> broken() {
        return broken;
    }

    public boolean confirmationDiffers() {
        return confirmationDiffers;
    }
}
