package fr.sesame.support;

import java.util.Optional;
import java.util.Set;

/**
 * A page of a ticket list, filtered and sorted by the database.
 *
 * @param text  searched in the reference, the subject and the requester's name and identifiant
 * @param sort  one of {@link #SORTS}; anything else sorts by priority then age
 */
public record TicketQuery(Optional<TicketStatus> status, Optional<Integer> priority, Optional<String> uai,
                          Optional<TicketCategory> category, Optional<Integer> level, Optional<String> text,
                          boolean openOnly, String sort, boolean ascending) {

    public static final Set<String> SORTS = Set.of("reference", "createdAt", "updatedAt", "priority", "status", "level",
            "resolveDeadline");

    public TicketQuery {
        status = status == null ? Optional.empty() : status;
        priority = priority == null ? Optional.empty() : priority;
        uai = uai == null ? Optional.empty() : uai.filter(value -> !value.isBlank());
        category = category == null ? Optional.empty() : category;
        level = level == null ? Optional.empty() : level;
        text = text == null ? Optional.empty() : text.map(String::strip).filter(value -> !value.isEmpty())
                .map(value -> value.substring(0, Math.min(value.length(), 100)));
    }

    /** Every open ticket, the most urgent first. */
    public static TicketQuery open() {
        return new TicketQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), true, "priority", false);
    }

    public static TicketQuery all() {
        return new TicketQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false, "createdAt", false);
    }
}
