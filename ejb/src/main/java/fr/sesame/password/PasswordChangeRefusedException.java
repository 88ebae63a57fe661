package fr.sesame.password;

import jakarta.ejb.ApplicationException;

import java.util.List;

/**
 * A new password was not accepted: the rules it breaks (Sésame's or the directory's), whether the
 * confirmation differs, whether the current password typed was wrong. Everything at once, so the page
 * shows it all in one go. Nothing stays written: the caller's transaction is undone (a link or an
 * activation code it used is usable again); refusals are audited apart.
 */
@ApplicationException(rollback = true)
public class PasswordChangeRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final List<PasswordRule> broken;
    private final boolean confirmationDiffers;
    private final boolean currentPasswordWrong;

    public PasswordChangeRefusedException(List<PasswordRule> broken, boolean confirmationDiffers, boolean currentPasswordWrong) {
        super("Password change refused: " + broken + (confirmationDiffers ? ", confirmation differs" : "")
                + (currentPasswordWrong ? ", current password wrong" : ""));
        this.broken = List.copyOf(broken);
        this.confirmationDiffers = confirmationDiffers;
        this.currentPasswordWrong = currentPasswordWrong;
    }

    public List<PasswordRule> broken() {
        return broken;
    }

    public boolean confirmationDiffers() {
        return confirmationDiffers;
    }

    public boolean currentPasswordWrong() {
        return currentPasswordWrong;
    }
}
