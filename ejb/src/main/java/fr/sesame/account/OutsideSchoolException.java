package fr.sesame.account;

import jakarta.ejb.ApplicationException;
import jakarta.ejb.EJBAccessException;

/**
 * A référent asked for an agent who is not of their school (or not in the directory). The same
 * refusal as the container's for a missing role: the web module answers with the 403 page.
 */
@ApplicationException(rollback = true)
public class OutsideSchoolException extends EJBAccessException {

    private static final long serialVersionUID = 1L;

    public OutsideSchoolException() {
        super("Not an agent of the référent's school");
    }
}
