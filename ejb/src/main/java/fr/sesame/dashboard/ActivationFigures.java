package fr.sesame.dashboard;

import java.util.List;

/**
 * Accounts activated per week, and per établissement the share of the agents invited during the same
 * weeks who activated.
 *
 * @param schools by UAI; the agents without a known UAI last
 */
public record ActivationFigures(List<WeeklyCount> perWeek, List<SchoolActivation> schools) {

    public ActivationFigures {
        perWeek = List.copyOf(perWeek);
        schools = List.copyOf(schools);
    }

    public long invited() {
        return schools.stream().mapToLong(SchoolActivation::invited).sum();
    }

    public long activatedOfInvited() {
        return schools.stream().mapToLong(SchoolActivation::activated).sum();
    }

    public Share share() {
        return new Share(activatedOfInvited(), invited());
    }

    public long activations() {
        return perWeek.stream().mapToLong(WeeklyCount::count).sum();
    }
}
