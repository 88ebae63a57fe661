package fr.sesame.activation;

import fr.sesame.directory.Agent;
import fr.sesame.directory.Directory;
import fr.sesame.mail.MailTemplates;
import fr.sesame.mail.Outbox;
import fr.sesame.password.PasswordSettings;
import fr.sesame.security.AuditEventType;
import fr.sesame.security.AuditTrail;
import fr.sesame.security.SecretTokens;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A new recovery address becomes the one that receives reset links only once the link sent to it is
 * followed: whoever types an address must read it. The address on file until then is told of the
 * change once it is made. Package-private: only the activation and the agent's own page start one,
 * each after proving who asks.
 */
@Dependent
class RecoveryAddressChanges {

    @PersistenceContext(unitName = "sesame")
    EntityManager em;

    @Inject
    Directory directory;

    @Inject
    Outbox outbox;

    @Inject
    MailTemplates templates;

    @Inject
    PasswordSettings settings;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "sesame.recovery-address.link-validity-hours")
    long validityHours;

    /** The address, when usable as a recovery address for this agent (not the académie's own domain). */
    Optional<String> usable(Agent agent, String typed, String academieDomain) {
        return RecoveryAddresses.usable(typed, academieDomain)
                .filter(address -> !address.equalsIgnoreCase(agent.academicAddress()));
    }

    /** Sends the confirmation link to the new address; an earlier request still open is closed. */
    void propose(Agent agent, String address, String clientAddress) {
        Instant now = clock.instant();
        closeOpen(agent.identifiant(), now);
        String token = SecretTokens.newLinkToken();
        Instant expiresAt = now.plus(Duration.ofHours(validityHours));
        em.persist(new RecoveryAddressChange(agent.identifiant(), address, SecretTokens.hash(token), now, expiresAt));
        outbox.email(address, templates.email("recovery-address-confirm", agent.displayName(), agent.academicAddress(),
                settings.url("/adresse-de-secours?jeton=" + token), validityHours), agent.identifiant(), expiresAt);
        audit.record(AuditEventType.RECOVERY_ADDRESS_CHANGE_REQUESTED, agent.identifiant(), clientAddress, null);
    }

    /** The address still waiting for its link, if any. */
    Optional<String> pending(String identifiant) {
        Instant now = clock.instant();
        return em.createQuery("select c from RecoveryAddressChange c where c.identifiant = :id and c.confirmedAt is null"
                        + " and c.closedAt is null order by c.createdAt desc", RecoveryAddressChange.class)
                .setParameter("id", identifiant).setMaxResults(1).getResultStream()
                .filter(change -> change.isOpen(now)).map(RecoveryAddressChange::newAddress).findFirst();
    }

    /**
     * The link was followed: the address replaces the one on file, which is told. Used once, in one
     * update, so that two clicks change it once.
     *
     * @return the address now on file; empty when the link is unknown, used, replaced or too old
     */
    Optional<String> confirm(String token, String clientAddress) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<RecoveryAddressChange> found = em.createQuery(
                        "select c from RecoveryAddressChange c where c.tokenHash = :hash", RecoveryAddressChange.class)
                .setParameter("hash", SecretTokens.hash(token)).getResultStream().findFirst()
                .filter(change -> change.isOpen(now));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RecoveryAddressChange change = found.get();
        int claimed = em.createQuery("update RecoveryAddressChange c set c.confirmedAt = :now where c.id = :id"
                        + " and c.confirmedAt is null and c.closedAt is null")
                .setParameter("now", now).setParameter("id", change.id()).executeUpdate();
        Optional<Agent> agent = directory.findByLogin(change.identifiant());
        if (claimed == 0 || agent.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> previous = agent.get().recoveryAddress();
        directory.setRecoveryAddress(agent.get(), change.newAddress());
        previous.filter(old -> !old.equalsIgnoreCase(change.newAddress())).ifPresent(old ->
                outbox.email(old, templates.email("recovery-address-changed", agent.get().displayName(),
                        agent.get().academicAddress(), templates.dateTime(now), Masking.email(change.newAddress()),
                        settings.url("/compte/securite"), settings.hotlinePhone(), settings.hotlineEmail()),
                        change.identifiant()));
        audit.record(AuditEventType.RECOVERY_ADDRESS_CHANGED, change.identifiant(), clientAddress, null);
        return Optional.of(change.newAddress());
    }

    private void closeOpen(String identifiant, Instant now) {
        em.createQuery("update RecoveryAddressChange c set c.closedAt = :now where c.identifiant = :id"
                        + " and c.confirmedAt is null and c.closedAt is null")
                .setParameter("now", now).setParameter("id", identifiant).executeUpdate();
    }
}
