package fr.sesame.dashboard;

import fr.sesame.support.TicketCategory;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TicketFiguresTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 3, 23);
    private static final LocalDate SECOND = LocalDate.of(2026, 3, 30);

    @Test
    void weeksAndGroupsAddUpTheirCells() {
        TicketFigures figures = new TicketFigures(List.of(FIRST, SECOND), List.of(
                new TicketCell(FIRST, TicketCategory.PASSWORD, 1, new TicketCount(3, 2, 1)),
                new TicketCell(FIRST, TicketCategory.DEVICE, 2, new TicketCount(1, 1, 1)),
                new TicketCell(SECOND, TicketCategory.PASSWORD, 1, new TicketCount(0, 1, 0))));

        assertThat(figures.perWeek()).containsExactly(
                new TicketFigures.Week(FIRST, new TicketCount(4, 3, 2)), new TicketFigures.Week(SECOND, new TicketCount(0, 1, 0)));
        assertThat(figures.perCategoryAndLevel()).hasSize(TicketCategory.values().length * 3)
                .contains(new TicketFigures.Group(TicketCategory.PASSWORD, 1, new TicketCount(3, 3, 1)),
                        new TicketFigures.Group(TicketCategory.OTHER, 3, TicketCount.NONE));
        assertThat(figures.total().inTime().percent()).isEqualTo(50);
        assertThat(figures.openedIn(TicketCategory.PASSWORD, 1)).isEqualTo(3);
    }
}
