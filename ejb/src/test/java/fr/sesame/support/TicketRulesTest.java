package fr.sesame.support;

import fr.sesame.school.Uai;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Who sees a ticket, what the requester sees of it, and when it may be reopened. */
class TicketRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-29T07:00:00Z");

    private static Ticket ticket(String requester, String uai) {
        return new Ticket(new Ticket.Request(requester, "Claire Martin", null, "claire@example.org", requester != null, uai,
                TicketCategory.PASSWORD, 3, 2, "Mot de passe refusé", "Depuis ce matin.", null),
                2, Ticket.SCHOOL, NOW, NOW.plusSeconds(3600), NOW.plusSeconds(7200));
    }

    private static Viewer viewer(String identifiant, Set<String> roles, String uai) {
        return new Viewer(identifiant, identifiant, roles, Uai.parse(uai));
    }

    @Test
    void theRequesterTheSchoolsReferentAndTheHotlineSeeIt() {
        Ticket ticket = ticket("cmartin", "0801234A");
        assertThat(viewer("cmartin", Set.of("agent"), "0801234A").canSee(ticket)).isTrue();
        assertThat(viewer("referent1", Set.of("agent", "referent"), "0801234A").canSee(ticket)).isTrue();
        assertThat(viewer("hotline1", Set.of("agent", "hotline"), null).canSee(ticket)).isTrue();
    }

    @Test
    void anotherAgentOrAnotherSchoolsReferentDoesNot() {
        Ticket ticket = ticket("cmartin", "0801234A");
        assertThat(viewer("lbernard", Set.of("agent"), "0801234A").canSee(ticket)).isFalse();
        assertThat(viewer("referent2", Set.of("agent", "referent"), "0600045T").canSee(ticket)).isFalse();
        // An agent of the same school who is not a référent sees nothing of it either.
        assertThat(viewer("jdupont", Set.of("agent"), "0801234A").supports(ticket)).isFalse();
    }

    @Test
    void theExpertsWorkTheThirdLevelOnlyAndNeverASecurityReport() {
        Viewer expert = viewer("expert1", Set.of("agent", "expert"), "0801999Z");
        Ticket ticket = ticket("cmartin", "0801234A");
        assertThat(expert.supports(ticket)).as("the school's").isFalse();
        ticket.escalate(Ticket.HOTLINE, "referent1", "Marc Durand", "À vous", NOW, NOW.plusSeconds(10), NOW.plusSeconds(20));
        assertThat(expert.canSee(ticket)).as("the hotline's").isFalse();
        ticket.escalate(Ticket.EXPERTS, "hotline1", "Nadia Benali", "Aux experts", NOW, NOW.plusSeconds(10), NOW.plusSeconds(20));
        assertThat(expert.supports(ticket)).isTrue();
        assertThat(expert.isHotline()).isFalse();
        assertThat(viewer("hotline1", Set.of("agent", "hotline"), null).supports(ticket)).as("the hotline still").isTrue();

        Ticket report = Ticket.securityReport(new Ticket.Request("cmartin", "Claire Martin", null, "claire@example.org", true,
                        "0801234A", TicketCategory.SECURITY, 3, 3, "Compte utilisé", "Des courriels que je n’ai pas écrits.", null),
                SecurityReportKind.IDENTITY_THEFT, NOW, NOW.plusSeconds(3600), NOW.plusSeconds(7200));
        report.escalate(Ticket.EXPERTS, "hotline1", "Nadia Benali", "Aux experts", NOW, NOW.plusSeconds(10), NOW.plusSeconds(20));
        assertThat(expert.canSee(report)).isFalse();
    }

    @Test
    void aTicketFromThePublicFormIsNobodysUntilTheSupportChecks() {
        Ticket ticket = ticket(null, "0801234A");
        assertThat(ticket.isIdentityVerified()).isFalse();
        assertThat(viewer(null, Set.of(), null).canSee(ticket)).isFalse();
        assertThat(viewer("cmartin", Set.of("agent"), "0801234A").canSee(ticket)).isFalse();
    }

    @Test
    void internalNotesNeverReachTheRequesterSide() {
        Ticket ticket = ticket("cmartin", "0801234A");
        ticket.write("referent1", "Marc Durand", "Vérifier son NUMEN", false, NOW.plusSeconds(60));
        ticket.write("referent1", "Marc Durand", "Essayez « Mot de passe oublié ».", true, NOW.plusSeconds(120));

        assertThat(ticket.events()).extracting(TicketEvent::body).contains("Vérifier son NUMEN");
        assertThat(ticket.publicEvents()).extracting(TicketEvent::body)
                .contains("Essayez « Mot de passe oublié ».").doesNotContain("Vérifier son NUMEN");
        assertThat(ticket.takenAt()).isEqualTo(NOW.plusSeconds(120)); // the first reply takes it
    }

    @Test
    void aResolvedTicketReopensWithinTheWindowOnly() {
        Ticket ticket = ticket("cmartin", "0801234A");
        ticket.resolve("referent1", "Marc Durand", NOW);
        assertThat(ticket.isReopenable(NOW.plus(Duration.ofDays(6)), Duration.ofDays(7))).isTrue();
        assertThat(ticket.isReopenable(NOW.plus(Duration.ofDays(7)), Duration.ofDays(7))).isFalse();
        ticket.reopen("cmartin", "Claire Martin", "Encore refusé", NOW.plus(Duration.ofDays(1)));
        assertThat(ticket.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(ticket.isReopenable(NOW.plus(Duration.ofDays(1)), Duration.ofDays(7))).isFalse();
    }

    @Test
    void satisfactionIsAskedOnceAndOnlyOnceResolved() {
        Ticket ticket = ticket("cmartin", "0801234A");
        assertThat(ticket.isAwaitingSatisfaction()).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ticket.rate(4, "cmartin", "Claire", NOW))
                .isInstanceOf(IllegalStateException.class);
        ticket.resolve("referent1", "Marc Durand", NOW);
        assertThat(ticket.isAwaitingSatisfaction()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ticket.rate(5, "cmartin", "Claire", NOW))
                .isInstanceOf(IllegalStateException.class);
        ticket.rate(3, "cmartin", "Claire", NOW);
        assertThat(ticket.satisfaction()).isEqualTo(3);
        assertThat(ticket.isAwaitingSatisfaction()).isFalse();
    }

    @Test
    void escalationGoesUpALevelWithNewDeadlinesAndAnInternalNote() {
        Ticket ticket = ticket("cmartin", "0801234A");
        ticket.take("referent1", "Marc Durand", NOW);
        ticket.escalate(Ticket.HOTLINE, "referent1", "Marc Durand", "À vous", NOW, NOW.plusSeconds(10), NOW.plusSeconds(20));
        assertThat(ticket.level()).isEqualTo(Ticket.HOTLINE);
        assertThat(ticket.status()).isEqualTo(TicketStatus.NEW);
        assertThat(ticket.takenBy()).isNull();
        assertThat(ticket.takeDeadline()).isEqualTo(NOW.plusSeconds(10));
        assertThat(ticket.publicEvents()).extracting(TicketEvent::body).doesNotContain("À vous");
    }

    @Test
    void theReferenceIsReadable() {
        Ticket ticket = ticket("cmartin", "0801234A");
        // the id comes from the database sequence; 123 stands for it here
        try {
            var id = Ticket.class.getDeclaredField("id");
            id.setAccessible(true);
            id.set(ticket, 123L);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        ticket.number(2026);
        assertThat(ticket.reference()).isEqualTo("SES-2026-000123");
        ticket.number(2027); // numbered once: the reference never changes
        assertThat(ticket.reference()).isEqualTo("SES-2026-000123");
    }
}
