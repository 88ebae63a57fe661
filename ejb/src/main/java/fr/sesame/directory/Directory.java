package fr.sesame.directory;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

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

    /** The agent whose NUMEN this is; empty when nobody, or more than one entry, has it. */
    Optional<Agent> findByNumen(Numen numen);

    /**
     * Whether the agent's NUMEN is this one. The directory compares: the NUMEN never leaves it.
     */
    boolean numenMatches(Agent agent, Numen numen);

    /** Whether any entry of the directory already has this identifiant. */
    boolean isIdentifiantTaken(String identifiant);

    /** Whether any entry of the directory already has this academic address. */
    boolean isAddressTaken(String academicAddress);

    /**
     * The agents holding these NUMENs (an import's chunk), keyed by NUMEN value: one search when none is
     * known, one more per NUMEN otherwise. A NUMEN held by several entries is left out, as
     * {@link #findByNumen} finds none.
     */
    java.util.Map<String, Agent> findByNumens(java.util.Collection<Numen> numens);

    /**
     * The agents holding these identifiants, keyed by identifiant in lower case: one search per hundred,
     * for figures about many agents at once (the dashboard's établissements). An identifiant the
     * directory no longer knows is left out.
     */
    java.util.Map<String, Agent> findByIdentifiants(java.util.Collection<String> identifiants);

    /**
     * Which of these identifiants and academic addresses some entry of the whole tree already holds, in
     * one search; the values come back in lower case.
     */
    java.util.Set<String> takenAmong(java.util.Collection<String> identifiants, java.util.Collection<String> addresses);

    /**
     * Adds a pending agent's entry; {@link #joinAgentsGroup} then puts a batch of them in the agents' group.
     *
     * @throws IdentifiantTakenException when the entry appeared meanwhile
     */
    Agent addPendingAgent(NewAgent agent);

    /** Puts these agents in the agents' group, in one change when none is there yet. */
    void joinAgentsGroup(java.util.List<Agent> agents);

    /**
     * Sets the agent's password (LDAP Password Modify extended operation when the server offers it: the
     * directory hashes it). Only {@code PasswordService} calls it.
     *
     * @throws PasswordRefusedByDirectoryException when the directory's own policy refuses it; nothing changed
     */
    void setPassword(Agent agent, String password) throws PasswordRefusedByDirectoryException;

    /** Locks the account: the directory still accepts the password, Sésame lets nobody in. */
    void lock(Agent agent);

    /** Unlocks an account locked by {@link #lock(Agent)}: it is active again. */
    void unlock(Agent agent);

    /**
     * Closes the account of an agent whose assignment has ended: state {@link AccountState#DEPARTED} and
     * the directory's own lock, so that the mail servers refuse the agent's bind too. Doing it again changes
     * nothing.
     */
    void depart(Agent agent);

    /**
     * Takes the agent out of every group under Sésame's groups' branch (the agents' group and any staff
     * group). The entry itself stays.
     *
     * @return how many groups the agent left
     */
    int leaveSesameGroups(Agent agent);

    /**
     * Marks the account active and records the recovery address the agent proved they read (null: the
     * agent has none yet).
     */
    void activate(Agent agent, String recoveryAddress);

    /** Replaces the recovery address with one the agent confirmed (its link was followed). */
    void setRecoveryAddress(Agent agent, String recoveryAddress);

    /**
     * Whether this is the agent's current password: the directory checks it by a bind, on a
     * connection that then goes back to the service account.
     */
    boolean passwordMatches(Agent agent, String password);

    /**
     * Whether the directory refuses this password only because it has expired: asked with the password
     * policy control (OpenLDAP ppolicy answers "password expired"). False for a wrong password, and on
     * a directory that lets an expired password bind (the embedded one: Sésame then asks for a change).
     */
    boolean passwordExpired(Agent agent, String password);

    /**
     * Every person whose password the directory says changed in {@code [from, to]}, page by page:
     * the directory filters, and only one page is held in memory at a time.
     *
     * @return how many entries were handed to {@code each}
     */
    int forEachPasswordChangedBetween(Instant from, Instant to, Consumer<Agent> each);

    /**
     * One page of the agents a staff member's search finds: the directory filters (values escaped, never
     * spliced into the filter) and pages (simple paged results control); the pages before this one are
     * read and dropped, so a search reads at most {@code (page + 1) * pageSize} entries.
     *
     * @param page from 0
     */
    AgentSearchPage search(AgentSearch search, int page, int pageSize);

    /**
     * The référents numériques of a school: the members of the référents' group whose UAI is this one.
     * Empty when the school has none (its tickets then go straight to the hotline).
     */
    java.util.List<Agent> referentsOf(fr.sesame.school.Uai uai);

    /** Checks that the directory answers, as the service account. */
    void ping();
}
