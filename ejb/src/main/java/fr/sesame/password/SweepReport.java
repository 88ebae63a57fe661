package fr.sesame.password;

import java.time.Duration;

/**
 * What a reminder sweep did.
 *
 * @param examined entries whose password date falls in the reminder window
 * @param due      active agents with a reminder stage due
 * @param sent     reminders sent by this sweep
 * @param skipped  due reminders already sent (by an earlier sweep or another server)
 */
public record SweepReport(int examined, int due, int sent, int skipped, Duration took) {
}
