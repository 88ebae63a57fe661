package fr.sesame.dashboard;

import java.time.LocalDate;

/** What was counted on one day of the académie's calendar. */
public record DailyCount(LocalDate day, long count) {
}
