package fr.sesame.dashboard;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Consecutive periods of the calendar (days, or ISO weeks from Monday), each from midnight in the
 * académie's time zone to the next period's midnight: a day of the change to summer time lasts 23 hours.
 * The database counts what falls in each; no date function of its own is needed.
 *
 * @param starts the first day of each period, oldest first
 * @param bounds one more than {@code starts}: the instant each period begins, then the end of the last
 */
public record Buckets(List<LocalDate> starts, List<Instant> bounds) {

    public Buckets {
        starts = List.copyOf(starts);
        bounds = List.copyOf(bounds);
        if (bounds.size() != starts.size() + 1) {
            throw new IllegalArgumentException("One bound more than periods");
        }
    }

    /** The {@code count} ISO weeks that end with the one holding {@code now}, oldest first. */
    public static Buckets weeksUpTo(Instant now, ZoneId zone, int count) {
        LocalDate monday = LocalDate.ofInstant(now, zone).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return of(monday.minusWeeks(count - 1L), count, 7, zone);
    }

    /** The {@code count} days that end with today, oldest first. */
    public static Buckets daysUpTo(Instant now, ZoneId zone, int count) {
        return of(LocalDate.ofInstant(now, zone).minusDays(count - 1L), count, 1, zone);
    }

    /**
     * The ISO weeks from the one holding {@code now} to the one holding the last of the {@code days}
     * days from today; the first begins at {@code now} and the last ends after that day: what is
     * already past and what lies beyond are in none.
     */
    public static Buckets weeksAhead(Instant now, ZoneId zone, int days) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate end = today.plusDays(days);
        List<LocalDate> starts = new ArrayList<>();
        List<Instant> bounds = new ArrayList<>();
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        bounds.add(now);
        while (monday.isBefore(end)) {
            starts.add(monday);
            LocalDate next = monday.plusWeeks(1);
            bounds.add((next.isBefore(end) ? next : end).atStartOfDay(zone).toInstant());
            monday = next;
        }
        return new Buckets(starts, bounds);
    }

    private static Buckets of(LocalDate first, int count, int days, ZoneId zone) {
        if (count < 1) {
            throw new IllegalArgumentException("At least one period: " + count);
        }
        Objects.requireNonNull(zone, "zone");
        List<LocalDate> starts = new ArrayList<>();
        List<Instant> bounds = new ArrayList<>();
        for (int i = 0; i <= count; i++) {
            LocalDate day = first.plusDays((long) i * days);
            if (i < count) {
                starts.add(day);
            }
            bounds.add(day.atStartOfDay(zone).toInstant());
        }
        return new Buckets(starts, bounds);
    }

    /** The same periods, none going past {@code now}: the current one is counted up to now only. */
    public Buckets endingAt(Instant now) {
        return new Buckets(starts, bounds.stream().map(bound -> bound.isAfter(now) ? now : bound).toList());
    }

    public int size() {
        return starts.size();
    }

    public LocalDate start(int period) {
        return starts.get(period);
    }

    /** When the period begins (included). */
    public Instant from(int period) {
        return bounds.get(period);
    }

    /** When the period ends (excluded). */
    public Instant to(int period) {
        return bounds.get(period + 1);
    }

    public Instant first() {
        return bounds.get(0);
    }

    public Instant last() {
        return bounds.get(bounds.size() - 1);
    }

    /** The period holding this instant, or -1 outside them all. */
    public int indexOf(Instant instant) {
        if (instant.isBefore(first()) || !instant.isBefore(last())) {
            return -1;
        }
        for (int i = 0; i < size(); i++) {
            if (instant.isBefore(to(i))) {
                return i;
            }
        }
        return -1;
    }
}
