package fr.sesame.activation;

import jakarta.ejb.ApplicationException;

/** The recovery address given at activation is not a usable personal address; nothing was changed. */
@ApplicationException(rollback = true)
public class RecoveryAddressException extends Exception {

    private static final long serialVersionUID = 1L;

    public RecoveryAddressException() {
        super("Not a usable recovery address");
    }
}
