package fr.sesame.metrics;

/**
 * Sésame's counters as ops read them: the name (Prometheus prints {@code sesame.logins} as
 * {@code sesame_logins_total}), its one label if it has one, and what it counts. Each server counts what
 * it did since it started; a farm's figure is the sum over its members.
 */
enum Counted {

    LOGINS("sesame.logins", "outcome",
            "Logins through the login page: success (admitted, after the second factor when it is on), failure"
                    + " (wrong identifiant or password), refused (right password, account not active or directory away)"),
    LOCKOUTS("sesame.login.lockouts", null,
            "Failed logins of an account past its failure limit: the one that reached it and each one after, while it lasts"),
    ACTIVATIONS("sesame.activations", null, "Accounts activated (NUMEN, one-time code, first password)"),
    RESET_REQUESTS("sesame.password.reset.requests", null,
            "Forgotten-password requests, whatever matched, and reset links sent after a security report"),
    REMINDERS("sesame.rotation.reminders", "stage", "Password renewal reminders sent, by stage (days before expiry)"),
    TICKETS_OPENED("sesame.tickets.opened", "level",
            "Support requests and security reports stored, by the level they start at: 1 school, 2 hotline"),
    DELIVERIES_FAILED("sesame.outbox.deliveries.failed", "outcome",
            "Messages not delivered by an attempt: retry (relay down or busy, tried again), refused (for good),"
                    + " expired (its code or link ran out first)");

    private final String metric;
    private final String label;
    private final String description;

    Counted(String metric, String label, String description) {
        this.metric = metric;
        this.label = label;
        this.description = description;
    }

    String metric() {
        return metric;
    }

    /** The label's name, or null for a counter without one. */
    String label() {
        return label;
    }

    String description() {
        return description;
    }
}
