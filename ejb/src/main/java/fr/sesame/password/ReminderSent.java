package fr.sesame.password;

/** A renewal reminder of this stage (days before expiry) went into the outbox; kept when its transaction commits. */
public record ReminderSent(int stageDays) {
}
