package fr.sesame.dashboard;

import java.time.Instant;
import java.util.List;

/**
 * Every figure of the administrators' dashboard, as of one instant.
 *
 * @param directoryAnswered false when the directory could not be read: the figures it gives (the share per
 *                          établissement, the passwords expiring) are then empty, the others still true
 */
public record DashboardFigures(Instant asOf, ActivationFigures activations, PasswordExpiries passwordExpiries,
                               TicketFigures tickets, OutboxFigures outbox, List<DailyCount> lockOuts,
                               boolean directoryAnswered) {

    public DashboardFigures {
        lockOuts = List.copyOf(lockOuts);
    }

    public long lockOutTotal() {
        return lockOuts.stream().mapToLong(DailyCount::count).sum();
    }
}
