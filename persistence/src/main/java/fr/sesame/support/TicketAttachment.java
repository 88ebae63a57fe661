package fr.sesame.support;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * A file joined to a ticket by its requester, a screenshot of the error most of the time. Its kind was
 * recognised from its first bytes before it was stored; the name is only what the requester's
 * computer called it, cleaned.
 */
@Entity
@Table(name = "ticket_attachment")
public class TicketAttachment {

    public static final int MAX_FILE_NAME = 120;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ticket_id", nullable = false, updatable = false)
    private Long ticketId;

    @Column(name = "file_name", length = MAX_FILE_NAME, nullable = false, updatable = false)
    private String fileName;

    @Column(name = "media_type", length = 40, nullable = false, updatable = false)
    private String mediaType;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private int size;

    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content", nullable = false, updatable = false)
    private byte[] content;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    protected TicketAttachment() {
        // for JPA
    }

    public TicketAttachment(Long ticketId, String fileName, String mediaType, byte[] content, Instant createdAt) {
        this.ticketId = Objects.requireNonNull(ticketId, "ticketId");
        this.fileName = Objects.requireNonNull(fileName, "fileName");
        this.mediaType = Objects.requireNonNull(mediaType, "mediaType");
        this.content = Objects.requireNonNull(content, "content");
        this.size = content.length;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    }

    public Long id() {
        return id;
    }

    public Long ticketId() {
        return ticketId;
    }

    public String fileName() {
        return fileName;
    }

    public String mediaType() {
        return mediaType;
    }

    public int size() {
        return size;
    }

    public byte[] content() {
        return content;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
