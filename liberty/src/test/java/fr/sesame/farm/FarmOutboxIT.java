package fr.sesame.farm;

import com.icegreen.greenmail.util.GreenMail;
import fr.sesame.it.EmbeddedServicesForTests;
import fr.sesame.it.ItSettings;
import fr.sesame.it.Mailboxes;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mail queued while the relay is down leaves when it returns, through both members' couriers; the
 * member that delivered most is killed ({@code kill -9}) while it delivers, and the other finishes.
 * Nothing is lost. A crash between the relay's answer and the commit that records it can send one
 * message twice, the one the killed courier had in hand: both copies carry the same Message-ID.
 */
class FarmOutboxIT {

    private static final int MESSAGES = 500;
    private static final String PREFIX = "fcour-";
    private static final String SUBJECT = "Votre mot de passe expire dans 30 jour(s)";
    /** The killed courier's message is taken again once its lease (2 minutes) is over. */
    private static final Duration DELIVERY_LIMIT = Duration.ofMinutes(6);

    @Test
    void messagesQueuedWhileTheRelayIsDownArriveOnceThoughACourierDiesDelivering() throws Exception {
        Farm farm = Farm.running();
        List<String> agents = FarmRotationIT.addAgents(PREFIX, MESSAGES, Instant.now().minus(Duration.ofDays(150)));
        GreenMail relay = EmbeddedServicesForTests.mail().greenMail();
        relay.stop();
        try {
            FarmRotationIT.Sweep sweep = FarmRotationIT.sweepOn(farm.a());
            assertThat(sweep.sentNow()).isGreaterThanOrEqualTo(MESSAGES);
            assertThat(farm.count("select count(*) from outbound_message where reference like ?"
                    + " and status in ('QUEUED', 'SENDING')", PREFIX + "%")).isEqualTo(MESSAGES);

            // The hotline sees what waits, on either member.
            FarmVisitor hotline = new FarmVisitor("10.9.2.1");
            assertThat(hotline.logIn(farm.b(), "hotline1", ItSettings.DEMO_PASSWORD)).doesNotContain("refus");
            java.net.http.HttpResponse<String> answer = hotline.get(farm.b(), "/hotline/courriels");
            assertThat(answer.statusCode()).as("%s", answer.headers().map()).isEqualTo(200);
            String page = answer.body();
            assertThat(page).containsPattern("id=\"en-attente\"[^>]*>\\s*\\d[\\d\\s\u00a0\u202f]* message\\(s\\) attendent le serveur");
        } finally {
            relay.start();
        }

        Instant deadline = Instant.now().plus(DELIVERY_LIMIT);
        while (sent(farm) < MESSAGES / 5) {
            assertThat(Instant.now()).as("delivery started").isBefore(deadline);
            Farm.sleep(Duration.ofMillis(20));
        }
        Farm.Member busiest = farm.member(busiestCourier(farm));
        farm.kill(busiest);
        long sentWhenKilled = sent(farm);
        assertThat(sentWhenKilled).as("killed while delivering").isLessThan(MESSAGES);

        FarmRotationIT.awaitDelivered(farm, PREFIX);
        assertThat(sent(farm)).isEqualTo(MESSAGES);
        assertThat(couriers(farm)).as("both couriers delivered").hasSize(2);

        List<String> lost = new ArrayList<>();
        Map<String, List<Mailboxes.Mail>> twice = new LinkedHashMap<>();
        Inboxes.withSubject(agents, SUBJECT).forEach((agent, reminders) -> {
            if (reminders.isEmpty()) {
                lost.add(agent);
            } else if (reminders.size() > 1) {
                twice.put(agent, reminders);
            }
        });
        System.out.printf("Farm outbox: %d messages, %d delivered when %s was killed, %d lost, %d twice%n",
                MESSAGES, sentWhenKilled, busiest.name(), lost.size(), twice.size());
        assertThat(lost).as("messages lost").isEmpty();
        assertThat(twice).as("at most the message the killed courier had in hand").hasSizeLessThanOrEqualTo(1);
        twice.values().forEach(copies -> assertThat(copies).hasSize(2)
                .extracting(Mailboxes.Mail::messageId).doesNotContainNull().containsOnly(copies.get(0).messageId()));
        farm.ensureRunning(busiest);
    }

    private static long sent(Farm farm) throws Exception {
        return farm.count("select count(*) from outbound_message where reference like ? and status = 'SENT'",
                PREFIX + "%");
    }

    /** The member whose courier delivered the most of these messages so far. */
    private static String busiestCourier(Farm farm) throws Exception {
        List<String> couriers = couriers(farm);
        assertThat(couriers).isNotEmpty();
        return couriers.get(0);
    }

    /** The members that delivered some of these messages, the busiest first. */
    private static List<String> couriers(Farm farm) throws Exception {
        try (Connection connection = farm.database();
             PreparedStatement statement = connection.prepareStatement("select sent_by from outbound_message"
                     + " where reference like ? and status = 'SENT' group by sent_by order by count(*) desc")) {
            statement.setString(1, PREFIX + "%");
            List<String> couriers = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    couriers.add(rows.getString(1));
                }
            }
            return couriers;
        }
    }
}
