package fr.sesame.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the audit trail: who did what, when and from where. Written once, never changed.
 * It never holds a password, a token or a NUMEN: {@code detail} is a short, non-secret note.
 */
@Entity
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

    protected AuditEvent() {
        // for JPA
    }

    /**
     * @param actor the identifiant concerned, as typed or as known (cut to the column's size)
     * @param clientAddress the client's IP address, may be null for timers
     * @param detail a short non-secret note, may be null
     */
    public AuditEvent(Instant occurredAt, AuditEventType type, String actor, String clientAddress, String detail) {
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
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
}
