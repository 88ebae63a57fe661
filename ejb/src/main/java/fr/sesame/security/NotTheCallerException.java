package fr.sesame.security;

import jakarta.ejb.ApplicationException;
import jakarta.ejb.EJBAccessException;

/**
 * A service was asked to act for someone who is not its caller, or with roles the caller does not have.
 * The same refusal as the container's for a missing role, and like it, it reaches the caller as it is
 * (the web module answers with the 403 page) and rolls the transaction back.
 */
@ApplicationException(rollback = true)
public class NotTheCallerException extends EJBAccessException {

    private static final long serialVersionUID = 1L;

    public NotTheCallerException(String message) {
        super(message);
    }
}
