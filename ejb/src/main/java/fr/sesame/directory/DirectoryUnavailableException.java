package fr.sesame.directory;

import jakarta.ejb.ApplicationException;

/**
 * The directory did not answer in time or refused Sésame's service account. Not the user's fault:
 * pages say the service is briefly unavailable and nothing is half-written.
 */
@ApplicationException(rollback = true)
public class DirectoryUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
