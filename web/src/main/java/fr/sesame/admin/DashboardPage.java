package fr.sesame.admin;

import fr.sesame.dashboard.Dashboard;
import fr.sesame.dashboard.DashboardFigures;
import fr.sesame.dashboard.DailyCount;
import fr.sesame.dashboard.OutboxFigures;
import fr.sesame.dashboard.SchoolActivation;
import fr.sesame.dashboard.Share;
import fr.sesame.dashboard.TicketFigures;
import fr.sesame.dashboard.WeeklyCount;
import fr.sesame.security.RequiresRole;
import fr.sesame.security.Roles;
import fr.sesame.support.TicketCategory;
import fr.sesame.web.Messages;
import fr.sesame.web.Site;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * "/admin/tableau-de-bord": the figures of {@link Dashboard}, each as a table (the source, readable without
 * JavaScript) and a chart drawn from the same numbers.
 */
@RequiresRole({Roles.ADMIN})
@Named
@RequestScoped
public class DashboardPage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("dd/MM");

    @Inject
    Dashboard dashboard;

    @Inject
    Messages messages;

    @Inject
    Site site;

    private DashboardFigures figures;

    public void load() {
        figures = dashboard.figures();
    }

    public DashboardFigures getFigures() {
        return figures;
    }

    public String getAsOf() {
        return site.format(figures.asOf());
    }

    /** Weeks of activations and tickets, this one included. */
    public int getWeeks() {
        return figures.tickets().weeks().size();
    }

    /** The first day of those weeks. */
    public String getSince() {
        return date(figures.tickets().weeks().get(0));
    }

    public int getExpiryDays() {
        return figures.passwordExpiries().days();
    }

    public int getFailureDays() {
        return figures.outbox().perDay().size();
    }

    public int getLockOutDays() {
        return figures.lockOuts().size();
    }

    public String date(LocalDate day) {
        return DAY.format(day);
    }

    public String number(long value) {
        return NumberFormat.getIntegerInstance(locale()).format(value);
    }

    /** "67 %", or a dash when there is nothing to divide. */
    public String percent(Share share) {
        return share.known() ? messages.text("dashboard.percent", share.percent()) : messages.text("dashboard.noShare");
    }

    public String schoolName(SchoolActivation school) {
        if (school.uai().isEmpty()) {
            return messages.text("dashboard.schools.unknown");
        }
        return school.name().orElse(messages.text("dashboard.schools.unnamed"));
    }

    public String category(TicketCategory category) {
        return messages.text("ticket.category." + category.name());
    }

    public String level(int level) {
        return messages.text("ticket.level." + level);
    }

    public List<TicketCategory> getCategories() {
        return List.of(TicketCategory.values());
    }

    public List<Integer> getLevels() {
        return TicketFigures.LEVELS;
    }

    /** How long the oldest waiting message has waited, in minutes, hours or days; a dash when none waits. */
    public String getOldestWait() {
        return figures.outbox().oldestWait().map(this::duration).orElse(messages.text("dashboard.noShare"));
    }

    private String duration(Duration wait) {
        if (wait.toHours() >= 48) {
            return messages.text("dashboard.outbox.days", wait.toDays());
        }
        if (wait.toMinutes() >= 120) {
            return messages.text("dashboard.outbox.hours", wait.toHours());
        }
        return messages.text("dashboard.outbox.minutes", wait.toMinutes());
    }

    public String getActivationChart() {
        List<WeeklyCount> weeks = figures.activations().perWeek();
        return new BarChart(weekLabels(weeks)).series(messages.text("dashboard.activations.count"),
                weeks.stream().map(WeeklyCount::count).toList()).json();
    }

    public String getSchoolChart() {
        List<SchoolActivation> schools = figures.activations().schools();
        return new BarChart(schools.stream().map(s -> s.uai().orElse(messages.text("dashboard.schools.unknown"))).toList())
                .series(messages.text("dashboard.schools.share"), schools.stream().map(s -> s.share().percent()).toList())
                .percent().json();
    }

    public String getExpiryChart() {
        List<WeeklyCount> weeks = figures.passwordExpiries().perWeek();
        return new BarChart(weekLabels(weeks)).series(messages.text("dashboard.expiries.count"),
                weeks.stream().map(WeeklyCount::count).toList()).json();
    }

    public String getTicketChart() {
        List<TicketFigures.Week> weeks = figures.tickets().perWeek();
        List<String> labels = weeks.stream().map(w -> SHORT_DAY.format(w.weekStart())).toList();
        return new BarChart(labels)
                .series(messages.text("dashboard.tickets.opened"), weeks.stream().map(w -> w.count().opened()).toList())
                .series(messages.text("dashboard.tickets.resolved"), weeks.stream().map(w -> w.count().resolved()).toList())
                .series(messages.text("dashboard.tickets.inTime"), weeks.stream().map(w -> w.count().resolvedInTime()).toList())
                .json();
    }

    public String getCategoryChart() {
        TicketFigures tickets = figures.tickets();
        BarChart chart = new BarChart(getCategories().stream().map(this::category).toList()).stacked();
        for (int level : TicketFigures.LEVELS) {
            chart.series(level(level), getCategories().stream().map(c -> tickets.openedIn(c, level)).toList());
        }
        return chart.json();
    }

    public String getFailureChart() {
        List<OutboxFigures.DailyFailures> days = figures.outbox().perDay();
        return new BarChart(days.stream().map(d -> SHORT_DAY.format(d.day())).toList()).stacked()
                .series(messages.text("dashboard.outbox.failed"), days.stream().map(OutboxFigures.DailyFailures::failed).toList())
                .series(messages.text("dashboard.outbox.expired"), days.stream().map(OutboxFigures.DailyFailures::expired).toList())
                .json();
    }

    public String getLockOutChart() {
        List<DailyCount> days = figures.lockOuts();
        return new BarChart(days.stream().map(d -> SHORT_DAY.format(d.day())).toList())
                .series(messages.text("dashboard.lockouts.count"), days.stream().map(DailyCount::count).toList()).json();
    }

    private static List<String> weekLabels(List<WeeklyCount> weeks) {
        List<String> labels = new ArrayList<>();
        weeks.forEach(week -> labels.add(SHORT_DAY.format(week.weekStart())));
        return labels;
    }

    private static Locale locale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces != null && faces.getViewRoot() != null ? faces.getViewRoot().getLocale() : Locale.FRENCH;
    }
}
