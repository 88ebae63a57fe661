package fr.sesame.security;

/**
 * An event was written to the audit trail. Observed once its transaction committed
 * ({@code TransactionPhase.AFTER_SUCCESS}), it tells of what was kept only: the ops metrics count from it.
 */
public record AuditRecorded(AuditEventType type) {
}
