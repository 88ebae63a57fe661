package fr.sesame.support;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Arrays;

/** The numbers of the support chain, from configuration ({@code sesame.support.*}). */
@ApplicationScoped
public class SupportSettings {

    @Inject
    @ConfigProperty(name = "sesame.support.priority-matrix")
    String matrix;

    /** Hours to take charge, by priority 1 to 5. */
    @Inject
    @ConfigProperty(name = "sesame.support.take-hours")
    String takeHours;

    /** Hours to resolve, by priority 1 to 5. */
    @Inject
    @ConfigProperty(name = "sesame.support.resolve-hours")
    String resolveHours;

    @Inject
    @ConfigProperty(name = "sesame.support.reopen-days")
    int reopenDays;

    /** Largest file a requester may join to a ticket, in kibibytes. */
    @Inject
    @ConfigProperty(name = "sesame.support.attachment-max-kib")
    int attachmentMaxKib;

    /** Files a requester may join to one ticket. */
    @Inject
    @ConfigProperty(name = "sesame.support.attachment-max-count")
    int attachmentMaxCount;

    @Inject
    @ConfigProperty(name = "sesame.public-url")
    String publicUrl;

    @Inject
    @ConfigProperty(name = "sesame.hotline.email")
    String hotlineEmail;

    /** The experts' shared address: a ticket that reaches the third level is told there. */
    @Inject
    @ConfigProperty(name = "sesame.experts.email")
    String expertsEmail;

    @Inject
    @ConfigProperty(name = "sesame.rssi.email")
    String rssiEmail;

    @Inject
    @ConfigProperty(name = "sesame.hotline.phone")
    String hotlinePhone;

    private PriorityMatrix priorities;
    private long[] take;
    private long[] resolve;
    private AttachmentPolicy attachments;

    public SupportSettings() {
        // for CDI
    }

    /** For tests outside the container. */
    public SupportSettings(String matrix, String takeHours, String resolveHours, int reopenDays) {
        this.matrix = matrix;
        this.takeHours = takeHours;
        this.resolveHours = resolveHours;
        this.reopenDays = reopenDays;
        this.attachmentMaxKib = 5120;
        this.attachmentMaxCount = 3;
        this.publicUrl = "https://localhost";
        this.hotlineEmail = "assistance@example.org";
        this.expertsEmail = "experts@example.org";
        this.rssiEmail = "rssi@example.org";
        this.hotlinePhone = "03 22 82 38 00";
        read();
    }

    @PostConstruct
    void read() {
        priorities = PriorityMatrix.parse(matrix);
        take = hoursByPriority(takeHours);
        resolve = hoursByPriority(resolveHours);
        attachments = new AttachmentPolicy(attachmentMaxKib * 1024L, attachmentMaxCount);
    }

    private static long[] hoursByPriority(String text) {
        long[] hours = Arrays.stream(text.split(",")).map(String::strip).mapToLong(Long::parseLong).toArray();
        if (hours.length != 5 || Arrays.stream(hours).anyMatch(h -> h <= 0)) {
            throw new IllegalArgumentException("Five positive numbers of hours, priority 1 to 5: " + text);
        }
        return hours;
    }

    public int priorityOf(int urgency, int impact) {
        return priorities.priorityOf(urgency, impact);
    }

    public Duration takeWithin(int priority) {
        return Duration.ofHours(take[Math.max(1, Math.min(5, priority)) - 1]);
    }

    public Duration resolveWithin(int priority) {
        return Duration.ofHours(resolve[Math.max(1, Math.min(5, priority)) - 1]);
    }

    /** How long after "Résolu" the agent may reopen, and after which the ticket closes by itself. */
    public Duration reopenWindow() {
        return Duration.ofDays(reopenDays);
    }

    /** What a requester may join to a ticket. */
    public AttachmentPolicy attachments() {
        return attachments;
    }

    public String hotlineEmail() {
        return hotlineEmail;
    }

    public String expertsEmail() {
        return expertsEmail;
    }

    public String hotlinePhone() {
        return hotlinePhone;
    }

    /** The security officer's address: every security report is told there at once. */
    public String rssiEmail() {
        return rssiEmail;
    }

    public String url(String path) {
        return publicUrl.replaceAll("/+$", "") + path;
    }
}
