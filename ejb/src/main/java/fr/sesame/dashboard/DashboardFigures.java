package fr.sesame.dashboard;

import java.time.Instant;
import java.util.List;

/** Every figure of the administrators' dashboard, as of one instant. */
public record DashboardFigures(Instant asOf, ActivationFigures activations, PasswordExpiries passwordExpiries,
                               TicketFigures tickets, OutboxFigures outbox, List<DailyCount> lockOuts) {

    public DashboardFigures {
        lockOuts = List.copyOf(lockOuts);
    }

    public long lockOutTotal() {
        return lockOuts.stream().mapToLong(DailyCount::count).sum();
    }
}
