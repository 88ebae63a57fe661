package fr.sesame.dashboard;

import fr.sesame.directory.Agent;
import fr.sesame.directory.Directory;
import fr.sesame.directory.DirectoryUnavailableException;
import fr.sesame.mail.Outbox;
import fr.sesame.password.PasswordAge;
import fr.sesame.password.PasswordHistory;
import fr.sesame.password.PasswordSettings;
import fr.sesame.school.Uai;
import fr.sesame.security.AuditEventType;
import fr.sesame.security.Roles;
import fr.sesame.support.TicketCategory;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The figures an académie asks of its administrators, each over a bounded period ending now (see
 * {@link DashboardSettings}). Read only; each figure can be asked for alone, as of a given instant.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Dashboard {

    private static final Logger LOG = Logger.getLogger(Dashboard.class.getName());

    /** Directory entries handled together: one database query for their Sésame dates. */
    private static final int BATCH = 200;

    @Inject
    DashboardQueries queries;

    @Inject
    DashboardSettings settings;

    @Inject
    Directory directory;

    @Inject
    PasswordHistory history;

    @Inject
    PasswordSettings passwords;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    /** Every figure, now. */
    public DashboardFigures figures() {
        return figuresAt(clock.instant());
    }

    /** Every figure as of {@code now}. */
    public DashboardFigures figuresAt(Instant now) {
        ActivationFigures activations;
        PasswordExpiries expiries;
        boolean answered = true;
        try {
            activations = activations(now);
            expiries = passwordExpiries(now);
        } catch (DirectoryUnavailableException e) {
            // What the database alone knows is still shown; the page says what is missing and why.
            LOG.log(Level.WARNING, "dashboard without the directory's figures", e);
            answered = false;
            activations = new ActivationFigures(activationsPerWeek(now), List.of());
            expiries = new PasswordExpiries(settings.days(), List.of());
        }
        return new DashboardFigures(now, activations, expiries, tickets(now), outbox(now), lockOuts(now), answered);
    }

    private List<WeeklyCount> activationsPerWeek(Instant now) {
        Buckets weeks = Buckets.weeksUpTo(now, settings.zone(), settings.weeks()).endingAt(now);
        return weekly(weeks, queries.events(AuditEventType.ACCOUNT_ACTIVATED, weeks));
    }

    /**
     * Accounts activated per week; per établissement (the UAI the directory gives the agent now), the
     * agents invited during the same weeks and how many of them activated since their invitation.
     */
    public ActivationFigures activations(Instant now) {
        Buckets weeks = Buckets.weeksUpTo(now, settings.zone(), settings.weeks()).endingAt(now);
        Instant from = weeks.first();
        Instant to = weeks.last();
        List<WeeklyCount> perWeek = activationsPerWeek(now);

        Set<String> invited = queries.invited(from, to);
        Set<String> activated = queries.activated(from, to);
        Map<String, Agent> agents = directory.findByIdentifiants(invited);
        Map<String, String> names = queries.schoolNames();
        Map<Optional<String>, long[]> bySchool = new HashMap<>();
        for (String identifiant : invited) {
            Optional<String> uai = Optional.ofNullable(agents.get(identifiant)).flatMap(Agent::uai).map(Uai::value);
            long[] counts = bySchool.computeIfAbsent(uai, u -> new long[2]);
            counts[0]++;
            if (activated.contains(identifiant)) {
                counts[1]++;
            }
        }
        List<SchoolActivation> schools = new ArrayList<>();
        bySchool.forEach((uai, counts) -> schools.add(new SchoolActivation(uai, uai.map(names::get), counts[0], counts[1])));
        schools.sort(Comparator.comparing((SchoolActivation s) -> s.uai().isEmpty()).thenComparing(s -> s.uai().orElse("")));
        return new ActivationFigures(perWeek, schools);
    }

    /**
     * The active accounts whose password expires in the next {@link DashboardSettings#days()} days, by
     * week of expiry. As the renewal reminders see it: a paged directory search of the passwords set in the
     * window, then the dates Sésame recorded (the later one wins, and a directory that dates no password
     * still has Sésame's).
     */
    public PasswordExpiries passwordExpiries(Instant now) {
        Buckets weeks = Buckets.weeksAhead(now, settings.zone(), settings.days());
        long[] counts = new long[weeks.size()];
        Instant from = weeks.first().minus(passwords.maxAge());
        Instant to = weeks.last().minus(passwords.maxAge());
        Set<String> seen = new HashSet<>();
        List<Agent> batch = new ArrayList<>(BATCH);
        directory.forEachPasswordChangedBetween(from, to, agent -> {
            seen.add(agent.identifiant());
            batch.add(agent);
            if (batch.size() == BATCH) {
                countExpiries(batch, weeks, counts);
                batch.clear();
            }
        });
        countExpiries(batch, weeks, counts);
        Set<String> datedBySesame = new HashSet<>(history.lastChangedBetween(from, to).keySet());
        datedBySesame.removeAll(seen);
        List<Agent> others = new ArrayList<>(directory.findByIdentifiants(datedBySesame).values());
        for (int start = 0; start < others.size(); start += BATCH) {
            countExpiries(others.subList(start, Math.min(others.size(), start + BATCH)), weeks, counts);
        }
        return new PasswordExpiries(settings.days(), weekly(weeks, counts));
    }

    private void countExpiries(List<Agent> agents, Buckets weeks, long[] counts) {
        if (agents.isEmpty()) {
            return;
        }
        Map<String, Instant> recorded = history.lastChanges(agents.stream().map(Agent::identifiant).toList());
        for (Agent agent : agents) {
            if (!agent.isActive()) {
                continue;
            }
            PasswordAge.of(agent.passwordChangedAt(), Optional.ofNullable(recorded.get(agent.identifiant())), passwords.maxAge())
                    .map(age -> weeks.indexOf(age.expiresAt()))
                    .filter(week -> week >= 0)
                    .ifPresent(week -> counts[week]++);
        }
    }

    /** Tickets opened and resolved per week, by category and level, with those resolved by their deadline. */
    public TicketFigures tickets(Instant now) {
        Buckets weeks = Buckets.weeksUpTo(now, settings.zone(), settings.weeks()).endingAt(now);
        List<TicketCell> cells = new ArrayList<>();
        for (int i = 0; i < weeks.size(); i++) {
            Map<TicketCategory, Map<Integer, TicketCount>> counts = queries.tickets(weeks.from(i), weeks.to(i));
            for (TicketCategory category : TicketCategory.values()) {
                Map<Integer, TicketCount> byLevel = counts.getOrDefault(category, Map.of());
                Set<Integer> levels = new java.util.TreeSet<>(TicketFigures.LEVELS);
                levels.addAll(byLevel.keySet());
                for (int level : levels) {
                    cells.add(new TicketCell(weeks.start(i), category, level, byLevel.getOrDefault(level, TicketCount.NONE)));
                }
            }
        }
        return new TicketFigures(weeks.starts(), cells);
    }

    /** The outbox as of {@code now}, and its failures per day of the last days. */
    public OutboxFigures outbox(Instant now) {
        Outbox.Waiting waiting = outbox.waitingAt(now);
        Buckets days = Buckets.daysUpTo(now, settings.zone(), settings.failureDays()).endingAt(now);
        return new OutboxFigures(now, waiting.count(), waiting.retrying(), waiting.oldest(), queries.failures(days));
    }

    /** Accounts locked out after too many failures, per day: each account once a day, however often refused. */
    public List<DailyCount> lockOuts(Instant now) {
        Buckets days = Buckets.daysUpTo(now, settings.zone(), settings.days()).endingAt(now);
        List<Long> counts = queries.agents(AuditEventType.LOGIN_LOCKED_OUT, days);
        List<DailyCount> perDay = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            perDay.add(new DailyCount(days.start(i), counts.get(i)));
        }
        return perDay;
    }

    private static List<WeeklyCount> weekly(Buckets weeks, List<Long> counts) {
        List<WeeklyCount> perWeek = new ArrayList<>();
        for (int i = 0; i < weeks.size(); i++) {
            perWeek.add(new WeeklyCount(weeks.start(i), counts.get(i)));
        }
        return perWeek;
    }

    private static List<WeeklyCount> weekly(Buckets weeks, long[] counts) {
        List<WeeklyCount> perWeek = new ArrayList<>();
        for (int i = 0; i < weeks.size(); i++) {
            perWeek.add(new WeeklyCount(weeks.start(i), counts[i]));
        }
        return perWeek;
    }
}
