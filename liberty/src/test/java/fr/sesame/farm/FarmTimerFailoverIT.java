package fr.sesame.farm;

import com.icegreen.greenmail.util.GreenMail;
import fr.sesame.it.EmbeddedServicesForTests;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nightly sweep's member dies ({@code kill -9}) halfway through: the other member takes the timer
 * over once the missed-task threshold has passed, and finishes. Every due agent is reminded once. The
 * mail relay is down during the sweep, so that nothing is being delivered when the member dies (what a
 * crash during a delivery can cause is {@link FarmOutboxIT}'s subject); it comes back afterwards.
 */
class FarmTimerFailoverIT {

    private static final int AGENTS = 2000;
    private static final String PREFIX = "fnuit-";
    private static final String SUBJECT = "Votre mot de passe expire dans 30 jour(s)";
    /** Liberty's missed-task threshold in the farm (100 s), its poll interval (100 s), and the sweep itself. */
    private static final Duration TAKEOVER_LIMIT = Duration.ofMinutes(6);

    @Test
    void theOtherMemberFinishesTheSweepOfAMemberKilledHalfway() throws Exception {
        Farm farm = Farm.running();
        List<String> agents = FarmRotationIT.addAgents(PREFIX, AGENTS, Instant.now().minus(Duration.ofDays(150)));
        // The sweep's time in the académie's zone: the next minute that leaves the members time to restart.
        ZonedDateTime at = ZonedDateTime.now(ZoneId.of("Europe/Paris")).plusSeconds(210).truncatedTo(ChronoUnit.MINUTES);

        GreenMail relay = EmbeddedServicesForTests.mail().greenMail();
        relay.stop();
        Farm.Member holder;
        Farm.Member other;
        long remindedWhenKilled;
        try {
            farm.restartWith(Map.of("SESAME_PASSWORD_SWEEP_TIME", at.format(DateTimeFormatter.ofPattern("HH:mm"))));
            assertThat(ZonedDateTime.now(at.getZone())).as("both members up before the sweep").isBefore(at);

            // The first reminders say which member runs the timer.
            Instant deadline = at.toInstant().plus(Duration.ofMinutes(2));
            Optional<String> runner = Optional.empty();
            while (runner.isEmpty()) {
                assertThat(Instant.now()).as("the nightly sweep started").isBefore(deadline);
                runner = firstSender(farm);
                Farm.sleep(Duration.ofMillis(50));
            }
            holder = farm.member(runner.get());
            farm.kill(holder);
            Instant killedAt = Instant.now();
            other = holder.equals(farm.a()) ? farm.b() : farm.a();
            remindedWhenKilled = reminded(farm);
            assertThat(remindedWhenKilled).as("killed in the middle of the sweep").isBetween(1L, AGENTS - 1L);

            // The other member takes the timer over and finishes.
            Instant finish = killedAt.plus(TAKEOVER_LIMIT);
            while (reminded(farm) < AGENTS) {
                assertThat(Instant.now()).as("the other member finished the sweep within " + TAKEOVER_LIMIT)
                        .isBefore(finish);
                Farm.sleep(Duration.ofSeconds(1));
            }
            System.out.printf("Farm timer failover: %s killed after %d of %d reminders; %s finished %s after the kill%n",
                    holder.name(), remindedWhenKilled, AGENTS, other.name(), Duration.between(killedAt, Instant.now()));
            assertThat(farm.count("select count(*) from rotation_reminder where identifiant like ? and sent_by = ?",
                    PREFIX + "%", other.name())).as("the reminders the killed member had not sent")
                    .isEqualTo(AGENTS - remindedWhenKilled);
        } finally {
            relay.start();
        }
        FarmRotationIT.awaitDelivered(farm, PREFIX);
        List<String> notOnce = Inboxes.notExactlyOnce(agents, SUBJECT);
        assertThat(notOnce).as("mailboxes without exactly one reminder").isEmpty();
        farm.ensureRunning(holder);
    }

    private static Optional<String> firstSender(Farm farm) throws Exception {
        try (Connection connection = farm.database();
             PreparedStatement statement = connection.prepareStatement(
                     "select sent_by from rotation_reminder where identifiant like ? limit 1")) {
            statement.setString(1, PREFIX + "%");
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
            }
        }
    }

    private static long reminded(Farm farm) throws Exception {
        return farm.count("select count(*) from rotation_reminder where identifiant like ?", PREFIX + "%");
    }
}
