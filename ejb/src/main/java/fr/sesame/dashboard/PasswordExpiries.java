package fr.sesame.dashboard;

import java.util.List;

/**
 * Active accounts whose password expires within the next days, by week of expiry (the first week from
 * now, the last up to the end of the window).
 */
public record PasswordExpiries(int days, List<WeeklyCount> perWeek) {

    public PasswordExpiries {
        perWeek = List.copyOf(perWeek);
    }

    public long total() {
        return perWeek.stream().mapToLong(WeeklyCount::count).sum();
    }
}
