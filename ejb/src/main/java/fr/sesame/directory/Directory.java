package fr.sesame.directory;

import java.util.Optional;

/**
 * The academy directory as Sésame sees it. Every call may throw {@link DirectoryUnavailableException}
 * when the directory cannot be reached in time; callers turn that into a calm French message.
 */
public interface Directory {

    /**
     * Finds an agent by what they type to log in: the identifiant ({@code cmartin}) or the academic
     * address ({@code claire.martin@ac-amiens.fr}). Empty when nothing, or more than one entry, matches.
     */
    Optional<Agent> findByLogin(String login);

    /** Checks that the directory answers, as the service account. */
    void ping();
}
