package fr.sesame.retention;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** What one purge removed, kind by kind, and how long it took. */
public record PurgeReport(Map<Kept, Integer> removed, Duration took) {

    public PurgeReport {
        EnumMap<Kept, Integer> copy = new EnumMap<>(Kept.class);
        copy.putAll(removed);
        removed = Collections.unmodifiableMap(copy);
    }

    public int of(Kept kind) {
        return removed.getOrDefault(kind, 0);
    }
}
