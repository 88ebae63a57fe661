package fr.sesame.metrics;

import fr.sesame.mail.DeliveryFailed;
import fr.sesame.security.AuditEventType;
import fr.sesame.support.Ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One line of a counter on {@code /metrics}: the counter and the value of its label (null when it has none).
 */
record Series(Counted counted, String value) {

    Series {
        if ((counted.label() == null) != (value == null)) {
            throw new IllegalArgumentException(counted + " takes " + (counted.label() == null ? "no label" : "a " + counted.label()));
        }
    }

    /**
     * The line an audit event adds one to, if any. A wrong second-factor code is left out of the logins: the
     * same event is written when a code is refused in the account's settings.
     */
    static Optional<Series> of(AuditEventType type) {
        return Optional.ofNullable(switch (type) {
            case LOGIN_SUCCEEDED -> new Series(Counted.LOGINS, "success");
            case LOGIN_FAILED -> new Series(Counted.LOGINS, "failure");
            case LOGIN_REFUSED_ACCOUNT_STATE -> new Series(Counted.LOGINS, "refused");
            case LOGIN_LOCKED_OUT -> new Series(Counted.LOCKOUTS, null);
            case ACCOUNT_ACTIVATED -> new Series(Counted.ACTIVATIONS, null);
            case PASSWORD_RESET_REQUESTED -> new Series(Counted.RESET_REQUESTS, null);
            default -> null;
        });
    }

    static Series reminder(int stageDays) {
        return new Series(Counted.REMINDERS, Integer.toString(stageDays));
    }

    static Series ticketOpened(int level) {
        return new Series(Counted.TICKETS_OPENED, Integer.toString(level));
    }

    static Series deliveryFailed(DeliveryFailed.Outcome outcome) {
        return new Series(Counted.DELIVERIES_FAILED, outcome.name().toLowerCase(Locale.ROOT));
    }

    /**
     * Every line known in advance, registered at zero when the server starts: Prometheus sees each one from the
     * beginning, and a rate over the first events is right.
     */
    static List<Series> atStart(List<Integer> reminderStages) {
        List<Series> all = new ArrayList<>();
        for (AuditEventType type : AuditEventType.values()) {
            of(type).ifPresent(all::add);
        }
        reminderStages.forEach(stage -> all.add(reminder(stage)));
        all.add(ticketOpened(Ticket.SCHOOL));
        all.add(ticketOpened(Ticket.HOTLINE));
        for (DeliveryFailed.Outcome outcome : DeliveryFailed.Outcome.values()) {
            all.add(deliveryFailed(outcome));
        }
        return all;
    }
}
