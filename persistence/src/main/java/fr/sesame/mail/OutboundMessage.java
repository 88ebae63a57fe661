package fr.sesame.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One e-mail or SMS in the outbox. Written in the same transaction as the action that causes it,
 * delivered later by a courier: a mail server that is down delays a message, it never loses it
 * and never undoes the action.
 */
@Entity
@Table(name = "outbound_message")
public class OutboundMessage {

    static final int ERROR_LENGTH = 500;
    /** The longest body as stored (sealed bodies are longer than the text they carry). */
    public static final int STORED_BODY_LENGTH = 44000;
    /** The longest HTML alternative as stored (sealed). */
    public static final int STORED_HTML_LENGTH = 100000;
    public static final int KIND_LENGTH = 40;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", length = 10, nullable = false, updatable = false)
    private MessageChannel channel;

    @Column(name = "recipient", length = 254, nullable = false, updatable = false)
    private String recipient;

    /** Which message this is ("code", "password-reset"…), what the hotline is shown instead of its subject. */
    @Column(name = "kind", length = KIND_LENGTH, updatable = false)
    private String kind;

    @Column(name = "subject", length = 200, updatable = false)
    private String subject;

    /**
     * As the outbox stored it (sealed), emptied once the message has left: a link or a code never
     * stays in the database after that.
     */
    @Column(name = "body", length = STORED_BODY_LENGTH)
    private String body;

    /**
     * The same body in the HTML layout, stored (sealed) beside the text so that what leaves is what was
     * queued; emptied with the body. Null for an SMS, and for the e-mails queued before there was one.
     */
    @Column(name = "html_body", length = STORED_HTML_LENGTH)
    private String htmlBody;

    /** What the message is about, for the hotline: an identifiant, never a secret. */
    @Column(name = "reference", length = 100, updatable = false)
    private String reference;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 10, nullable = false)
    private MessageStatus status;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    /** The server of the farm whose courier handed it to the mail server. */
    @Column(name = "sent_by", length = 64)
    private String sentBy;

    @Column(name = "last_error", length = ERROR_LENGTH)
    private String lastError;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    /** Sent after the messages someone is waiting for: a renewal reminder can wait, a code cannot. */
    @Column(name = "bulk", nullable = false)
    private boolean bulk;

    /**
     * When what it carries stops being of any use (a one-time code past its validity): not delivered by
     * then, it is dropped. Null for the messages that keep their use (an invitation, a reply).
     */
    @Column(name = "useful_until", updatable = false)
    private Instant usefulUntil;

    protected OutboundMessage() {
        // for JPA
    }

    private OutboundMessage(MessageChannel channel, String recipient, String kind, String subject, String body,
                            String reference, Instant now) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.recipient = requireText(recipient, "recipient");
        this.kind = requireText(kind, "kind");
        if (kind.length() > KIND_LENGTH) {
            throw new IllegalArgumentException("A message kind holds at most " + KIND_LENGTH + " characters");
        }
        this.subject = subject;
        this.body = requireText(body, "body");
        if (body.length() > STORED_BODY_LENGTH) {
            throw new IllegalArgumentException("A stored message body holds at most " + STORED_BODY_LENGTH + " characters");
        }
        this.reference = reference == null ? null : reference.substring(0, Math.min(reference.length(), 100));
        this.status = MessageStatus.QUEUED;
        this.createdAt = Objects.requireNonNull(now, "now");
        this.nextAttemptAt = now;
    }

    /** @param body the body as it is to be stored (the outbox seals it first) */
    public static OutboundMessage email(String recipient, String kind, String subject, String body, String reference,
                                        Instant now) {
        return new OutboundMessage(MessageChannel.EMAIL, recipient, kind, requireText(subject, "subject"), body, reference, now);
    }

    public static OutboundMessage sms(String number, String kind, String text, String reference, Instant now) {
        return new OutboundMessage(MessageChannel.SMS, number, kind, null, text, reference, now);
    }

    /** An e-mail that goes out after the ones people are waiting for. */
    public static OutboundMessage bulkEmail(String recipient, String kind, String subject, String body, String reference,
                                            Instant now) {
        OutboundMessage message = email(recipient, kind, subject, body, reference, now);
        message.bulk = true;
        return message;
    }

    public boolean isBulk() {
        return bulk;
    }

    /**
     * Not to leave before {@code at} (an invitation sent a few days before the agent's start date): the
     * courier takes it once it is due.
     */
    public OutboundMessage notBefore(Instant at) {
        if (at.isAfter(nextAttemptAt)) {
            this.nextAttemptAt = at;
        }
        return this;
    }

    /**
     * An e-mail that leaves as {@code multipart/alternative}: its text, and this HTML.
     *
     * @param html the HTML as it is to be stored (the outbox seals it first)
     */
    public OutboundMessage withHtml(String html) {
        if (channel != MessageChannel.EMAIL) {
            throw new IllegalStateException("Only an e-mail has an HTML body");
        }
        requireText(html, "html");
        if (html.length() > STORED_HTML_LENGTH) {
            throw new IllegalArgumentException("A stored HTML body holds at most " + STORED_HTML_LENGTH + " characters");
        }
        this.htmlBody = html;
        return this;
    }

    /** What it carries is of no use after {@code until}: undelivered by then, it is dropped. */
    public OutboundMessage usefulUntil(Instant until) {
        this.usefulUntil = Objects.requireNonNull(until, "until");
        return this;
    }

    public Optional<Instant> usefulUntil() {
        return Optional.ofNullable(usefulUntil);
    }

    /** Whether its content had no use any more at {@code now}. */
    public boolean isUseless(Instant now) {
        return usefulUntil != null && now.isAfter(usefulUntil);
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    /** A courier takes the message; another courier must not, until {@code until}. */
    public void claim(Instant now, Duration lease) {
        if (!isDue(now)) {
            throw new IllegalStateException("Message " + id + " is not due");
        }
        status = MessageStatus.SENDING;
        nextAttemptAt = now.plus(lease);
        attempts++;
    }

    /** Whether a courier may take it now: queued and due, or left in SENDING by a courier that died. */
    public boolean isDue(Instant now) {
        return (status == MessageStatus.QUEUED || status == MessageStatus.SENDING) && !nextAttemptAt.isAfter(now);
    }

    /** @param by the server whose courier delivered it */
    public void delivered(Instant now, String by) {
        status = MessageStatus.SENT;
        sentAt = now;
        sentBy = by;
        lastError = null;
        body = null;
        htmlBody = null;
    }

    /**
     * The attempt failed for a reason that may pass (the server is down, busy, refuses for now): try
     * again after {@code retryIn}. However long the outage, the message waits.
     */
    public void attemptFailed(String reason, Instant now, Duration retryIn) {
        lastError = shortened(reason);
        status = MessageStatus.QUEUED;
        nextAttemptAt = now.plus(retryIn);
    }

    /** The server refused the recipient for good (no such address): no attempt would do better. */
    public void refused(String reason) {
        lastError = shortened(reason);
        status = MessageStatus.FAILED;
        body = null;
        htmlBody = null;
    }

    /** Not delivered while its content was of use: dropped, the hotline sees it. */
    public void expired() {
        if (status == MessageStatus.SENT) {
            throw new IllegalStateException("Message " + id + " was delivered");
        }
        status = MessageStatus.EXPIRED;
        body = null;
        htmlBody = null;
    }

    private static String shortened(String reason) {
        return reason == null ? "unknown" : reason.substring(0, Math.min(reason.length(), ERROR_LENGTH));
    }

    public Long id() {
        return id;
    }

    public Optional<String> sentBy() {
        return Optional.ofNullable(sentBy);
    }

    public MessageChannel channel() {
        return channel;
    }

    public String recipient() {
        return recipient;
    }

    public String subject() {
        return subject;
    }

    /** Which message this is; null for messages queued before kinds were kept. */
    public String kind() {
        return kind;
    }

    /** The body as stored (sealed); null once delivered or given up. */
    public String body() {
        return body;
    }

    /** The HTML alternative as stored (sealed); empty for plain text only, and once delivered or given up. */
    public Optional<String> htmlBody() {
        return Optional.ofNullable(htmlBody);
    }

    public String reference() {
        return reference;
    }

    public MessageStatus status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public String lastError() {
        return lastError;
    }

    @Override
    public String toString() {
        return "OutboundMessage[" + id + ", " + channel + ", " + status + ", attempts " + attempts + "]";
    }
}
