package fr.sesame.it;

import fr.sesame.mail.Outbox;
import fr.sesame.support.Ticket;
import fr.sesame.support.TicketCategory;
import fr.sesame.support.TicketQuery;
import fr.sesame.support.TicketService;
import fr.sesame.support.Viewer;
import fr.sesame.school.Uai;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The services check who calls them, whatever page or bean reached them: a staff-only service called
 * as an agent is refused, and a viewer the web layer built for someone else is refused too.
 */
@ExtendWith(ArquillianExtension.class)
class ServiceRolesIT {

    @Deployment
    static WebArchive deployment() {
        return ServiceArchives.base("service-roles-it.war")
                .addPackages(false, Filters.exclude(fr.sesame.support.SupportSchedule.class, fr.sesame.support.SecurityReports.class), "fr.sesame.support")
                .addClasses(CallerLogin.class);
    }

    @Inject
    Outbox outbox;

    @Inject
    TicketService tickets;

    @Inject
    HttpServletRequest request;

    private CallerLogin login;

    @BeforeEach
    void logins() {
        login = new CallerLogin(request);
    }

    @Test
    void theHotlinesMailListIsRefusedToAnAgentAndToNobody() throws Exception {
        assertThatThrownBy(() -> outbox.latest(10)).as("nobody logged in").isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> login.as("cmartin", () -> outbox.latest(10))).isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> login.as("referent1", () -> outbox.search("cmartin", 10))).isInstanceOf(EJBAccessException.class);

        assertThat(login.as("hotline1", () -> outbox.latest(10))).isNotNull();
        assertThat(login.as("admin1", () -> outbox.search("cmartin", 10))).isNotNull();
    }

    @Test
    void anAgentCannotWorkATicketNorPassAsTheHotline() throws Exception {
        Ticket ticket = tickets.open(new Ticket.Request("cmartin", "Claire Martin", null, "claire.martin@example.org",
                true, "0801234A", TicketCategory.PASSWORD, 3, 3, "Mot de passe refusé", "Depuis ce matin.", null), "192.0.2.30");
        Viewer agent = new Viewer("cmartin", "Claire Martin", Set.of("agent"), Uai.parse("0801234A"));
        Viewer posingAsHotline = new Viewer("cmartin", "Claire Martin", Set.of("agent", "hotline"), Optional.empty());
        Viewer someoneElse = new Viewer("hotline1", "Nadia Benali", Set.of("agent", "hotline"), Optional.empty());

        assertThatThrownBy(() -> login.run("cmartin", () -> tickets.take(ticket.reference(), agent)))
                .as("a staff-only service").isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> login.run("cmartin", () -> tickets.list(TicketQuery.all(), posingAsHotline, TicketService.Scope.ALL, 0, 10)))
                .as("roles the caller does not have").isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> login.run("cmartin", () -> tickets.find(ticket.reference(), someoneElse)))
                .as("a viewer for another person").isInstanceOf(EJBAccessException.class);
        assertThatThrownBy(() -> tickets.find(ticket.reference(), agent)).as("nobody logged in").isInstanceOf(EJBAccessException.class);

        assertThat(login.as("cmartin", () -> tickets.find(ticket.reference(), agent).reference())).isEqualTo(ticket.reference());
        login.run("hotline1", () -> tickets.take(ticket.reference(), someoneElse));
    }
}
