package fr.sesame.support;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A support request, followed from the school's référent (level 1) to the hotline (level 2) and the
 * académie's experts (level 3). Its reference ({@code SES-2026-000123}) is what people quote on the
 * phone. Every change leaves a {@link TicketEvent}.
 */
@Entity
@Table(name = "ticket")
public class Ticket {

    public static final int MAX_SUBJECT = 120;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_ERROR_MESSAGE = 1000;
    /** The priority of a security report. */
    public static final int TOP_PRIORITY = 5;
    /** The levels of the support chain: the school's référents, the hotline, the académie's experts. */
    public static final int SCHOOL = 1;
    public static final int HOTLINE = 2;
    public static final int EXPERTS = 3;

    @Id
    @SequenceGenerator(name = "ticket_number", sequenceName = "ticket_number_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_number")
    private Long id;

    @Column(name = "reference", length = 20, nullable = false, updatable = false)
    private String reference;

    /** The identifiant of a logged-in requester; null for a request from the public form. */
    @Column(name = "requester", length = 64, updatable = false)
    private String requester;

    @Column(name = "requester_name", length = 200, nullable = false, updatable = false)
    private String requesterName;

    /** What a requester of the public form says identifies them (an identifiant; never a NUMEN). */
    @Column(name = "claimed_identity", length = 100, updatable = false)
    private String claimedIdentity;

    @Column(name = "contact_address", length = 254, nullable = false)
    private String contactAddress;

    @Column(name = "identity_verified", nullable = false)
    private boolean identityVerified;

    @Column(name = "uai", length = 8)
    private String uai;

    @Enumerated(EnumType.STRING)
    @Column(name = "category", length = 20, nullable = false)
    private TicketCategory category;

    /** Set on security reports only: they go to the RSSI, never to the school's référents. */
    @Enumerated(EnumType.STRING)
    @Column(name = "security_kind", length = 20, updatable = false)
    private SecurityReportKind securityKind;

    @Column(name = "urgency", nullable = false)
    private int urgency;

    @Column(name = "impact", nullable = false)
    private int impact;

    @Column(name = "priority", nullable = false)
    private int priority;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 20, nullable = false)
    private TicketStatus status;

    @Column(name = "support_level", nullable = false)
    private int level;

    @Column(name = "subject", length = MAX_SUBJECT, nullable = false)
    private String subject;

    @Column(name = "description", length = MAX_DESCRIPTION, nullable = false, updatable = false)
    private String description;

    @Column(name = "error_message", length = MAX_ERROR_MESSAGE, updatable = false)
    private String errorMessage;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "take_deadline", nullable = false)
    private Instant takeDeadline;

    @Column(name = "resolve_deadline", nullable = false)
    private Instant resolveDeadline;

    @Column(name = "taken_at")
    private Instant takenAt;

    @Column(name = "taken_by", length = 64)
    private String takenBy;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    /** The requester's answer to "are you satisfied?", 1 (not at all) to 4 (very), once resolved. */
    @Column(name = "satisfaction")
    private Integer satisfaction;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @OneToMany(mappedBy = "ticket", cascade = CascadeType.PERSIST)
    @OrderBy("createdAt ASC, id ASC")
    private List<TicketEvent> events = new ArrayList<>();

    protected Ticket() {
        // for JPA
    }

    /** What the requester says; everything else is decided by the service. */
    public record Request(String requester, String requesterName, String claimedIdentity, String contactAddress,
                          boolean identityVerified,
                          String uai, TicketCategory category, int urgency, int impact, String subject,
                          String description, String errorMessage) {
    }

    public Ticket(Request request, int priority, int level, Instant now, Instant takeDeadline, Instant resolveDeadline) {
        this.requester = request.requester();
        this.requesterName = cut(Objects.requireNonNull(request.requesterName(), "requesterName"), 200);
        this.claimedIdentity = request.claimedIdentity() == null ? null : cut(request.claimedIdentity(), 100);
        this.contactAddress = cut(Objects.requireNonNull(request.contactAddress(), "contactAddress"), 254);
        this.identityVerified = request.identityVerified();
        this.uai = request.uai();
        this.category = Objects.requireNonNull(request.category(), "category");
        this.urgency = request.urgency();
        this.impact = request.impact();
        this.priority = priority;
        this.subject = cut(Objects.requireNonNull(request.subject(), "subject"), MAX_SUBJECT);
        this.description = cut(Objects.requireNonNull(request.description(), "description"), MAX_DESCRIPTION);
        this.errorMessage = request.errorMessage() == null ? null : cut(request.errorMessage(), MAX_ERROR_MESSAGE);
        this.status = TicketStatus.NEW;
        this.level = level;
        this.createdAt = now;
        this.updatedAt = now;
        this.takeDeadline = takeDeadline;
        this.resolveDeadline = resolveDeadline;
        record(TicketEventType.CREATED, request.requester(), this.requesterName, true, null, now);
    }

    private static String cut(String value, int max) {
        String stripped = value.strip();
        return stripped.substring(0, Math.min(stripped.length(), max));
    }

    /** A security report: top priority, for the RSSI. */
    public static Ticket securityReport(Request request, SecurityReportKind kind, Instant now, Instant takeDeadline,
                                        Instant resolveDeadline) {
        Ticket ticket = new Ticket(request, TOP_PRIORITY, HOTLINE, now, takeDeadline, resolveDeadline);
        ticket.securityKind = Objects.requireNonNull(kind, "kind");
        return ticket;
    }

    public SecurityReportKind securityKind() {
        return securityKind;
    }

    public boolean isSecurityReport() {
        return securityKind != null;
    }

    /** Gives the ticket its reference once the database numbered it: {@code SES-2026-000123}. */
    public void number(int year) {
        if (reference == null) {
            reference = String.format("SES-%d-%06d", year, id);
        }
    }

    /** Someone of the support takes charge. */
    public void take(String by, String byName, Instant now) {
        takenAt = takenAt == null ? now : takenAt;
        takenBy = by;
        status = TicketStatus.IN_PROGRESS;
        record(TicketEventType.TAKEN, by, byName, true, null, now);
    }

    /** A message in the thread: a reply the requester receives, or an internal note. */
    public TicketEvent write(String by, String byName, String body, boolean publicReply, Instant now) {
        if (publicReply && takenAt == null && !Objects.equals(by, requester)) {
            takenAt = now; // answering is taking charge
            takenBy = by;
        }
        if (publicReply && Objects.equals(by, requester) && status == TicketStatus.WAITING) {
            status = TicketStatus.IN_PROGRESS; // the agent answered
        }
        return record(publicReply ? TicketEventType.REPLY : TicketEventType.NOTE, by, byName, publicReply, body, now);
    }

    /** The support waits for the requester's answer. */
    public void waitForRequester(String by, String byName, Instant now) {
        status = TicketStatus.WAITING;
        record(TicketEventType.WAITING, by, byName, true, null, now);
    }

    public void resolve(String by, String byName, Instant now) {
        status = TicketStatus.RESOLVED;
        resolvedAt = now;
        record(TicketEventType.RESOLVED, by, byName, true, null, now);
    }

    /** Whether the requester may still reopen it: resolved less than {@code window} ago. */
    public boolean isReopenable(Instant now, Duration window) {
        return status == TicketStatus.RESOLVED && resolvedAt != null && now.isBefore(resolvedAt.plus(window));
    }

    public void reopen(String by, String byName, String why, Instant now) {
        status = TicketStatus.IN_PROGRESS;
        resolvedAt = null;
        record(TicketEventType.REOPENED, by, byName, true, why, now);
    }

    public void close(String by, String byName, Instant now) {
        status = TicketStatus.CLOSED;
        closedAt = now;
        record(TicketEventType.CLOSED, by, byName, true, null, now);
    }

    /** Passes the ticket up the chain, with new deadlines counted from now. */
    public void escalate(int toLevel, String by, String byName, String note, Instant now, Instant newTakeDeadline,
                         Instant newResolveDeadline) {
        level = toLevel;
        takenAt = null;
        takenBy = null;
        if (status != TicketStatus.WAITING) {
            status = TicketStatus.NEW;
        }
        takeDeadline = newTakeDeadline;
        resolveDeadline = newResolveDeadline;
        record(TicketEventType.ESCALATED, by, byName, false, note, now);
    }

    /** Whether the requester may answer the satisfaction question now: resolved or closed, not yet answered. */
    public boolean isAwaitingSatisfaction() {
        return satisfaction == null && (status == TicketStatus.RESOLVED || status == TicketStatus.CLOSED);
    }

    /** The requester's satisfaction, 1 to 4; answered once. */
    public void rate(int answer, String by, String byName, Instant now) {
        if (!isAwaitingSatisfaction() || answer < 1 || answer > 4) {
            throw new IllegalStateException("Not awaiting a satisfaction answer between 1 and 4");
        }
        satisfaction = answer;
        record(TicketEventType.RATED, by, byName, true, String.valueOf(answer), now);
    }

    public Integer satisfaction() {
        return satisfaction;
    }

    /** The hotline checked who wrote a request from the public form. */
    public void verifyIdentity(String by, String byName, Instant now) {
        identityVerified = true;
        record(TicketEventType.IDENTITY_VERIFIED, by, byName, false, null, now);
    }

    private TicketEvent record(TicketEventType type, String by, String byName, boolean visible, String body, Instant now) {
        TicketEvent event = new TicketEvent(this, type, by, byName, visible, body, now);
        events.add(event);
        updatedAt = now;
        return event;
    }

    public Long id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    public String requester() {
        return requester;
    }

    public String requesterName() {
        return requesterName;
    }

    public String claimedIdentity() {
        return claimedIdentity;
    }

    public String contactAddress() {
        return contactAddress;
    }

    public boolean isIdentityVerified() {
        return identityVerified;
    }

    public String uai() {
        return uai;
    }

    public TicketCategory category() {
        return category;
    }

    public int urgency() {
        return urgency;
    }

    public int impact() {
        return impact;
    }

    public int priority() {
        return priority;
    }

    public TicketStatus status() {
        return status;
    }

    public int level() {
        return level;
    }

    public String subject() {
        return subject;
    }

    public String description() {
        return description;
    }

    public String errorMessage() {
        return errorMessage;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant takeDeadline() {
        return takeDeadline;
    }

    public Instant resolveDeadline() {
        return resolveDeadline;
    }

    public Instant takenAt() {
        return takenAt;
    }

    public String takenBy() {
        return takenBy;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public List<TicketEvent> events() {
        return Collections.unmodifiableList(events);
    }

    /** The thread as the requester sees it: never an internal note. */
    public List<TicketEvent> publicEvents() {
        return events.stream().filter(TicketEvent::isVisibleToRequester).toList();
    }
}
