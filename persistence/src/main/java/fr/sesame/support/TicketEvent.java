package fr.sesame.support;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a ticket's history: a reply the agent sees, an internal note the agent never sees, or a
 * change of status or level.
 */
@Entity
@Table(name = "ticket_event")
public class TicketEvent {

    static final int MAX_BODY = 4000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "ticket_id", nullable = false, updatable = false)
    private Ticket ticket;

    @Enumerated(EnumType.STRING)
    @Column(name = "type", length = 20, nullable = false, updatable = false)
    private TicketEventType type;

    @Column(name = "author", length = 64, updatable = false)
    private String author;

    @Column(name = "author_name", length = 200, updatable = false)
    private String authorName;

    @Column(name = "public_", nullable = false, updatable = false)
    private boolean visibleToRequester;

    @Column(name = "body", length = MAX_BODY, updatable = false)
    private String body;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected TicketEvent() {
        // for JPA
    }

    TicketEvent(Ticket ticket, TicketEventType type, String author, String authorName, boolean visibleToRequester,
                String body, Instant createdAt) {
        this.ticket = Objects.requireNonNull(ticket, "ticket");
        this.type = Objects.requireNonNull(type, "type");
        this.author = author;
        this.authorName = authorName;
        this.visibleToRequester = visibleToRequester;
        this.body = body == null ? null : body.substring(0, Math.min(body.length(), MAX_BODY));
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public Long id() {
        return id;
    }

    public TicketEventType type() {
        return type;
    }

    public String author() {
        return author;
    }

    public String authorName() {
        return authorName;
    }

    /** Whether the requester sees it: replies and changes yes, internal notes never. */
    public boolean isVisibleToRequester() {
        return visibleToRequester;
    }

    public String body() {
        return body;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
