package fr.sesame.activation;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InvitationTest {

    private static final Instant NOW = Instant.parse("2026-11-28T07:00:00Z");

    @Test
    void openUntilItExpiresThenExpired() {
        Invitation invitation = new Invitation("lbernard", "hash", NOW, NOW.plus(Duration.ofDays(30)), null);

        assertThat(invitation.isOpen(NOW.plus(Duration.ofDays(29)))).isTrue();
        assertThat(invitation.isOpen(NOW.plus(Duration.ofDays(30)))).isFalse();
        assertThat(invitation.isExpired(NOW.plus(Duration.ofDays(30)))).isTrue();
    }

    @Test
    void aClosedInvitationIsNeitherOpenNorExpired() {
        Invitation invitation = new Invitation("lbernard", "hash", NOW, NOW.plus(Duration.ofDays(30)), null);

        invitation.close(NOW.plusSeconds(5));

        assertThat(invitation.isOpen(NOW.plusSeconds(10))).isFalse();
        assertThat(invitation.isExpired(NOW.plus(Duration.ofDays(40)))).isFalse();
        assertThat(invitation.isClosed()).isTrue();
    }

    @Test
    void mustExpireAfterItIsMade() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Invitation("x", "h", NOW, NOW, null));
    }

    @Test
    void aCodeIsUsableOnlyUntilVerified() {
        ActivationCode code = new ActivationCode("lbernard", "hash", fr.sesame.mail.MessageChannel.EMAIL, NOW, NOW.plusSeconds(600));

        assertThat(code.isUsable(NOW, 3)).isTrue();
        assertThat(code.isUsable(NOW, 0)).as("no try left").isFalse();

        ActivationCode other = new ActivationCode("lbernard", "hash", fr.sesame.mail.MessageChannel.SMS, NOW, NOW.plusSeconds(600));
        other.verified(NOW.plusSeconds(10));
        assertThat(other.isUsable(NOW.plusSeconds(11), 3)).isFalse();
        assertThat(other.isVerifiedSince(NOW)).isTrue();
        other.close(NOW.plusSeconds(20));
        assertThat(other.isVerifiedSince(NOW)).isFalse();
        assertThat(new ActivationCode("x", "h", fr.sesame.mail.MessageChannel.EMAIL, NOW, NOW.plusSeconds(600))
                .isUsable(NOW.plusSeconds(600), 3)).as("expired").isFalse();
    }
}
