package fr.sesame.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/** How long each kind of data is kept, in days, from configuration ({@code sesame.retention.*}). */
@ApplicationScoped
public class RetentionSettings {

    @Inject
    @ConfigProperty(name = "sesame.retention.import-file-days")
    int importFileDays;

    @Inject
    @ConfigProperty(name = "sesame.retention.import-report-days")
    int importReportDays;

    @Inject
    @ConfigProperty(name = "sesame.retention.closed-ticket-days")
    int closedTicketDays;

    @Inject
    @ConfigProperty(name = "sesame.retention.audit-days")
    int auditDays;

    @Inject
    @ConfigProperty(name = "sesame.retention.outbox-days")
    int outboxDays;

    @Inject
    @ConfigProperty(name = "sesame.retention.invitation-days")
    int invitationDays;

    @Inject
    @ConfigProperty(name = "sesame.retention.token-days")
    int tokenDays;

    @Inject
    @ConfigProperty(name = "sesame.retention.attempt-days")
    int attemptDays;

    /** Rows removed per transaction. */
    @Inject
    @ConfigProperty(name = "sesame.retention.batch")
    int batch;

    /** How long after its date a row of this kind is removed (never negative). */
    public Duration keep(Kept kind) {
        int days = switch (kind) {
            case IMPORT_FILES -> importFileDays;
            case IMPORT_REPORTS -> importReportDays;
            case CLOSED_TICKETS -> closedTicketDays;
            case AUDIT_EVENTS -> auditDays;
            case OUTBOX -> outboxDays;
            case INVITATIONS -> invitationDays;
            case TOKENS -> tokenDays;
            case ATTEMPTS -> attemptDays;
        };
        return Duration.ofDays(Math.max(0, days));
    }

    public int batch() {
        return Math.max(1, batch);
    }
}
