package fr.sesame.dashboard;

import java.time.LocalDate;

/** What was counted in the ISO week beginning on {@code weekStart} (a Monday). */
public record WeeklyCount(LocalDate weekStart, long count) {
}
