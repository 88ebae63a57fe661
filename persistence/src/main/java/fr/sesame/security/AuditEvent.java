package fr.sesame.security;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One line of the audit trail: who did what, when and from where. Written once, never changed.
 * It never holds a password, a token or a NUMEN: {@code detail} is a short, non-secret note.
 * <p>
 * Its place in the chain ({@code chainSeq}, {@code previousHash}, {@code hash}) is written by
 * {@code AuditChain} at the end of the event's transaction, by SQL: JPA only reads it, and never from
 * the shared cache, which would not have seen it.
 */
@Entity
@Cacheable(false)
@Table(name = "audit_event")
public class AuditEvent {

    static final int ACTOR_LENGTH = 100;
    static final int CLIENT_LENGTH = 64;
    static final int DETAIL_LENGTH = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", length = 40, nullable = false, updatable = false)
    private AuditEventType type;

    @Column(name = "actor", length = ACTOR_LENGTH, updatable = false)
    private String actor;

    @Column(name = "client_address", length = CLIENT_LENGTH, updatable = false)
    private String clientAddress;

    @Column(name = "detail", length = DETAIL_LENGTH, updatable = false)
    private String detail;

    @Column(name = "performed_by", length = ACTOR_LENGTH, updatable = false)
    private String performedBy;

    @Column(name = "chain_seq", insertable = false, updatable = false)
    private Long chainSeq;

    @Column(name = "previous_hash", insertable = false, updatable = false)
    private String previousHash;

    @Column(name = "hash", insertable = false, updatable = false)
    private String hash;

    protected AuditEvent() {
        // for JPA
    }

    /**
     * @param actor the identifiant concerned, as typed or as known (cut to the column's size)
     * @param clientAddress the client's IP address, may be null for timers
     * @param detail a short non-secret note, may be null
     */
    public AuditEvent(Instant occurredAt, AuditEventType type, String actor, String clientAddress, String detail) {
        this(occurredAt, type, actor, null, clientAddress, detail);
    }

    /**
     * @param performedBy the staff member who acted on {@code actor}, or null when the agent acted
     */
    public AuditEvent(Instant occurredAt, AuditEventType type, String actor, String performedBy, String clientAddress,
            String detail) {
        // To the millisecond: the hash covers the time as every database gives it back.
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt").truncatedTo(ChronoUnit.MILLIS);
        this.performedBy = cut(performedBy, ACTOR_LENGTH);
        this.type = Objects.requireNonNull(type, "type");
        this.actor = cut(actor, ACTOR_LENGTH);
        this.clientAddress = cut(clientAddress, CLIENT_LENGTH);
        this.detail = cut(detail, DETAIL_LENGTH);
    }

    private static String cut(String value, int length) {
        if (value == null) {
            return null;
        }
        String clean = value.replaceAll("\\p{Cntrl}", " ").strip();
        return clean.length() <= length ? clean : clean.substring(0, length);
    }

    public Long id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public AuditEventType type() {
        return type;
    }

    public String actor() {
        return actor;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public String detail() {
        return detail;
    }

    public String performedBy() {
        return performedBy;
    }

    /** The event's place in the chain, from 1; null until its transaction commits. */
    public Long chainSeq() {
        return chainSeq;
    }

    public String previousHash() {
        return previousHash;
    }

    public String hash() {
        return hash;
    }
}
