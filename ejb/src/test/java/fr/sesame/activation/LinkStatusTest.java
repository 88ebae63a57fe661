package fr.sesame.activation;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LinkStatusTest {

    private static final Instant SENT = Instant.parse("2026-09-01T08:00:00Z");

    private static Invitation invitation() {
        return new Invitation("cmartin", "hash", SENT, SENT.plus(Duration.ofDays(14)), null);
    }

    @Test
    void anOpenInvitationsLinkWorksUntilItExpires() {
        assertThat(LinkStatus.of(invitation(), false, SENT.plus(Duration.ofDays(13)))).isEqualTo(LinkStatus.VALID);
        assertThat(LinkStatus.of(invitation(), false, SENT.plus(Duration.ofDays(14)))).isEqualTo(LinkStatus.EXPIRED);
    }

    @Test
    void aClosedInvitationWasReplacedUnlessTheAccountIsActive() {
        Invitation closed = invitation();
        closed.close(SENT.plusSeconds(60));

        assertThat(LinkStatus.of(closed, false, SENT.plusSeconds(120))).isEqualTo(LinkStatus.REPLACED);
        assertThat(LinkStatus.of(closed, true, SENT.plusSeconds(120))).isEqualTo(LinkStatus.ALREADY_ACTIVE);
    }
}
