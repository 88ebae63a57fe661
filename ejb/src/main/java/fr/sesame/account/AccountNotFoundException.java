package fr.sesame.account;

import jakarta.ejb.ApplicationException;

/** The logged-in identifiant has no entry in the directory any more (removed since the login). */
@ApplicationException(rollback = true)
public class AccountNotFoundException extends Exception {

    private static final long serialVersionUID = 1L;

    public AccountNotFoundException(String identifiant) {
        super("No directory entry for " + identifiant);
    }
}
